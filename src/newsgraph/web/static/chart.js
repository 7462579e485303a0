// Draws the story page's chart from the figure the server put in data-figure (no inline script, so the
// Content-Security-Policy can forbid them).
(function () {
  var element = document.getElementById("dyad-chart");
  if (!element || !window.Plotly) { return; }
  var figure = JSON.parse(element.getAttribute("data-figure"));
  window.Plotly.newPlot(element, figure.data, figure.layout, { displaylogo: false, responsive: true });
}());
