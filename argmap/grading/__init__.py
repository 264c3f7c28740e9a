"""The grader: typed answers against model answers, with verdicts a teacher can trust.

`assess` is the one grading function: the drills, `argmap grade` and the
class report all call it. Language resources load lazily, on the first
answer graded.
"""

from argmap.grading.grader import assess
from argmap.grading.verdicts import Assessment, PointResult, PointState, Reference, Verdict

__all__ = ["Assessment", "PointResult", "PointState", "Reference", "Verdict", "assess"]
