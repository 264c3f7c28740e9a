// argmap serve: the websocket goes back to the address this page came from
// (never to an address a request header named), and Restart reloads the page.
// A file, not inline script, so the page's policy can forbid inline script.
(() => {
  const terminal = document.getElementById("terminal");
  const url = new URL("/ws", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  terminal.dataset.sessionWebsocketUrl = url.href;
  document.getElementById("restart").addEventListener("click", () => {
    window.location.reload();
  });
})();
