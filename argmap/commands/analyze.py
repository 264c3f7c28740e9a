"""`argmap analyze PATH`: Dung semantics, strength and cruxes of a map or an ICCMA file.

Exit status: 0 done, 1 malformed content (the map has errors, or an ICCMA
file has a bad line), 2 unreadable file or wrong command line. Only the
standard library and the plain-framework engine are imported for ICCMA
files, so `--semantics grounded` on a big framework is a short process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from argmap.commands.errors import CommandError, ExitCode, UsageError
from argmap.limits import CRUX_WORK, DEFAULT_MAX_EXTENSIONS

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: the grounded path skips `typing`
if TYPE_CHECKING:
    from typing import Any

FRAMEWORK_SUFFIXES = (".af", ".apx", ".tgf", ".i23")
SEMANTICS = ("grounded", "complete", "preferred", "stable")
SHOWN_IDS = 30  # in the text report; --json has everything
SHOWN_EXTENSIONS = 10


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "analyze",
        help="Dung semantics, strength and cruxes of a map or an ICCMA framework",
        description="Analyse a map (YAML) or an abstract framework in an ICCMA form "
        "(.af/.i23 'p af N', .apx, .tgf). Exit status: 0 done, 1 malformed content, "
        "2 unreadable file or wrong usage.",
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="map or framework file (default: the bundled map)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--semantics",
        choices=SEMANTICS,
        metavar="NAME",
        help=f"compute only one of: {', '.join(SEMANTICS)}",
    )
    parser.add_argument(
        "--max-extensions",
        type=int,
        metavar="N",
        default=DEFAULT_MAX_EXTENSIONS,
        help="stop enumerating after N extensions per semantics (default "
        f"{DEFAULT_MAX_EXTENSIONS:,}; a framework can have 2^40)",
    )
    parser.add_argument(
        "--query",
        metavar="ID",
        help="decide credulous and sceptical acceptance of one argument only",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.max_extensions is not None and args.max_extensions < 1:
        raise UsageError("--max-extensions must be at least 1")
    semantics = (args.semantics,) if args.semantics else SEMANTICS
    if args.path and os.path.splitext(args.path)[1].lower() in FRAMEWORK_SUFFIXES:
        return _run_framework(args, semantics)
    return _run_map(args, semantics)


def _load_framework(path: str) -> Any:
    from argmap.formats.iccma import FrameworkFormatError, read_framework

    try:
        return read_framework(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CommandError(ExitCode.UNREADABLE, f"cannot read {path}: {reason}") from None
    except FrameworkFormatError as exc:
        raise CommandError(
            ExitCode.INVALID,
            "fix that line, or check the file is in an ICCMA "
            "form (p af N / arg(a). att(a,b). / tgf)",
            details=str(exc),
        ) from None


def _run_framework(args: argparse.Namespace, semantics: tuple[str, ...]) -> int:
    fw = _load_framework(args.path)
    if args.query is not None:
        return _query(args, fw, fw.index, semantics)
    payload = _enumerate(fw, list(range(len(fw.names))), semantics, args.max_extensions)
    _emit(
        args,
        payload,
        fw_title=f"{args.path}: {len(fw.names)} arguments, {sum(map(len, fw.targets))} attacks",
    )
    return ExitCode.OK


def _query(args: argparse.Namespace, fw: Any, index: Any, semantics: tuple[str, ...]) -> int:
    from argmap.analysis.semantics import credulous, sceptical

    if args.query not in index:
        raise UsageError(f"no argument {args.query!r} in {args.path or 'the map'}")
    arg = index[args.query]
    cred = [s for s in semantics if credulous(fw, arg, s)]
    scep = [s for s in semantics if sceptical(fw, arg, s)]
    payload = {
        "query": args.query,
        "semantics": list(semantics),
        "acceptance": {args.query: {"credulous": cred, "sceptical": scep}},
    }
    if args.json:
        _print_json(payload)
    else:
        for s in semantics:
            print(
                f"{args.query} under {s}: credulous {'yes' if s in cred else 'no'}, "
                f"sceptical {'yes' if s in scep else 'no'}"
            )
    return ExitCode.OK


def _enumerate(
    fw: Any, shown: list[int], semantics: tuple[str, ...], limit: int | None
) -> dict[str, Any]:
    """Labelling, extensions, acceptance and caps of the arguments in `shown`."""
    from argmap.analysis.semantics import IN, Enumeration, extension_ids, grounded, labellings

    names = fw.names
    base = grounded(fw)
    shown_names = [names[i] for i in shown]
    payload: dict[str, Any] = {
        "labelling": {
            "grounded": dict(zip(shown_names, (base[i].value for i in shown), strict=True))
        },
        "extensions": {},
        "acceptance": {},
        "capped": {},
        "extension_counts": {},
    }
    keep = set(shown)
    credulous: list[list[str]] = [[] for _ in shown]
    sceptical: list[list[str]] = [[] for _ in shown]
    for sem in semantics:
        found = Enumeration([base]) if sem == "grounded" else labellings(fw, sem, limit)
        labs = found.labellings
        if len(keep) < len(names):
            labs_shown = [[lab if i in keep else None for i, lab in enumerate(ls)] for ls in labs]
            exts = extension_ids(fw, labs_shown)  # type: ignore[arg-type]
        else:
            exts = extension_ids(fw, labs)
        payload["extensions"][sem] = [list(e) for e in dict.fromkeys(map(tuple, exts))]
        payload["capped"][sem] = found.capped
        payload["extension_counts"][sem] = len(labs)
        if found.capped:
            continue  # acceptance needs every extension
        if len(labs) == 1:  # grounded, and often the others: in = accepted both ways
            only = labs[0]
            for k, i in enumerate(shown):
                if only[i] is IN:
                    credulous[k].append(sem)
                    sceptical[k].append(sem)
            continue
        for k, i in enumerate(shown):
            ins = [ls[i] is IN for ls in labs]
            if any(ins):
                credulous[k].append(sem)
            if all(ins):
                sceptical[k].append(sem)
    shared: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, list[str]]] = {}
    for name, cred, scep in zip(shown_names, credulous, sceptical, strict=True):
        key = (tuple(cred), tuple(scep))
        entry = shared.get(key)
        if entry is None:
            entry = shared[key] = {"credulous": cred, "sceptical": scep}
        payload["acceptance"][name] = entry
    return payload


def _run_map(args: argparse.Namespace, semantics: tuple[str, ...]) -> int:
    from argmap.commands.map_input import load_usable_map

    m = load_usable_map(args.path)
    from argmap.analysis.mapanalysis import analyse_map

    analysis = analyse_map(m)
    mf_index = {c.id: analysis.framework.index[c.id] for c in m.claims}
    if args.query is not None:
        return _query(args, analysis.framework, mf_index, semantics)
    payload = _enumerate(
        analysis.framework, list(mf_index.values()), semantics, args.max_extensions
    )
    payload["strength"] = {c: round(v, 6) for c, v in analysis.strength.items()}
    payload["strength_converged"] = analysis.strength_converged
    payload["cruxes"] = {t: [c.claim for c in cs] for t, cs in analysis.cruxes.items()}
    payload["crux_details"] = {
        t: [
            {
                "claim": c.claim,
                "flips_grounded": c.flips_grounded,
                "flips_preferred": c.flips_preferred,
                "strength_delta": round(c.strength_delta, 6),
            }
            for c in cs
        ]
        for t, cs in analysis.cruxes.items()
    }
    payload["cruxes_bounded"] = {
        t: {"checked": k, "candidates": n} for t, (k, n) in analysis.cruxes_bounded.items()
    }
    st = analysis.structure
    payload["structure"] = {
        "theses": {
            t: {
                "pro": list(ts.pro),
                "con": list(ts.con),
                "both": list(ts.both),
                "max_depth": ts.max_depth,
                "balance": round(ts.balance, 6),
                "themes": {k: dict(v) for k, v in ts.theme_counts.items()},
            }
            for t, ts in st.theses.items()
        },
        "unanswered": list(st.unanswered),
        "facts_without_evidence": list(st.facts_without_evidence),
        "circular_support": [list(c) for c in st.circular_support],
        "pivotal": [[c, s] for c, s in st.pivotal],
    }
    _emit(
        args,
        payload,
        fw_title=f"{m.path or m.id}: {len(m.claims)} claims, {len(m.relations)} relations",
    )
    return ExitCode.OK


def _print_json(payload: dict[str, Any]) -> None:
    # indented JSON goes through the pure-Python encoder: compact for big inputs
    big = len(payload.get("labelling", {}).get("grounded", ())) > 2000
    text = (
        json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        if big
        else json.dumps(payload, indent=1, ensure_ascii=False)
    )
    sys.stdout.write(text + "\n")


def _ids(ids: list[str]) -> str:
    more = f" ... and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else ""
    return "{" + ", ".join(ids[:SHOWN_IDS]) + more + "}"


def _emit(args: argparse.Namespace, payload: dict[str, Any], fw_title: str) -> None:
    if args.json:
        _print_json(payload)
        return
    out = [fw_title]
    grounded = payload["labelling"]["grounded"]
    counts = {lab: sum(1 for v in grounded.values() if v == lab) for lab in ("in", "out", "undec")}
    out.append(
        f"grounded labelling: {counts['in']} in, {counts['out']} out, {counts['undec']} undec"
    )
    for sem, exts in payload["extensions"].items():
        capped = (
            f" (capped: only the first {len(exts):,} enumerated; give --max-extensions N "
            "for more; acceptance not decided from a partial list)"
            if payload["capped"][sem]
            else ""
        )
        out.append(f"{sem}: {len(exts)} extension{'s' if len(exts) != 1 else ''}{capped}")
        for ext in exts[:SHOWN_EXTENSIONS]:
            out.append(f"  {_ids(ext)}")
        if len(exts) > SHOWN_EXTENSIONS:
            out.append(f"  ... and {len(exts) - SHOWN_EXTENSIONS} more (--json lists all)")
    if "structure" in payload:
        from argmap.analysis.explain import VERDICTS  # (a map's: a framework has no theses)

        st = payload["structure"]
        # Each thesis's claims (the thesis left out), to say how many it shares.
        branches = {
            t: set(i["pro"]) | set(i["con"]) | set(i["both"]) for t, i in st["theses"].items()
        }
        for thesis, info in st["theses"].items():
            acc = payload["acceptance"][thesis]
            # The explorer's word first ("falls"), then the semantics' own ("grounded out").
            out.append(
                f"\nthesis {thesis}: {VERDICTS[grounded[thesis]]} (grounded "
                f"{grounded[thesis]}), strength "
                f"{payload['strength'][thesis]:.3f}; credulous: "
                f"{', '.join(acc['credulous']) or '-'}; sceptical: "
                f"{', '.join(acc['sceptical']) or '-'}"
            )
            out.append(
                f"  {len(info['pro'])} pro, {len(info['con'])} con, "
                f"{len(info['both'])} both; depth {info['max_depth']}, "
                f"balance {info['balance']:+.2f}"
            )
            if len(branches) > 1:
                elsewhere = set().union(*(c for t, c in branches.items() if t != thesis))
                shared = len(branches[thesis] & elsewhere)
                out.append(
                    f"  {len(branches[thesis]) - shared} argue this thesis alone, "
                    f"{shared} another thesis too"
                )
            bound = payload["cruxes_bounded"].get(thesis)
            if bound:
                out.append(
                    f"  cruxes: {bound['checked']:,} of {bound['candidates']:,} claims "
                    f"examined, nearest the thesis first (work limit reached; "
                    f"{CRUX_WORK.hint()})"
                )
            details = payload["crux_details"].get(thesis, [])[:5]
            for crux in details:
                why = [
                    w
                    for w, flag in (
                        ("flips grounded", crux["flips_grounded"]),
                        ("flips preferred", crux["flips_preferred"]),
                    )
                    if flag
                ]
                why.append(f"strength {crux['strength_delta']:+.3f}")
                out.append(f"  crux {crux['claim']}: {', '.join(why)}")
        out.append("")
        out.append(f"unanswered claims: {_ids(st['unanswered'])}")
        out.append(f"facts without evidence: {_ids(st['facts_without_evidence'])}")
        if st["circular_support"]:
            out.append(
                "circular support: " + "; ".join(" <-> ".join(c) for c in st["circular_support"])
            )
        if st["pivotal"]:
            out.append("pivotal: " + ", ".join(f"{c} ({s:.3f})" for c, s in st["pivotal"][:5]))
        if not payload["strength_converged"]:
            out.append("note: strength did not settle on a cycle; mean of the last two rounds")
    sys.stdout.write("\n".join(out) + "\n")
