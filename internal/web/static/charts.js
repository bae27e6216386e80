// Asah charts: draws every element with data-chart="bars|heatmap|radar" with
// Apache ECharts (served from /static, no CDN). Each chart reads its numbers
// from the JSON block named by data-source (<script type="application/json">,
// which the browser never runs). The same numbers are always in a table on
// the page, so nothing is lost when JavaScript is off.
(function () {
  "use strict";

  var colours = {
    ms: "#1a7f37", mms: "#0969da", kms: "#cf222e",
    required: "#6e7781", actual: "#0550ae", self: "#9a6700",
    ink: "#1f2328", muted: "#57606a", line: "#d0d7de"
  };
  var font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

  function data(el) {
    var src = document.getElementById(el.getAttribute("data-source"));
    if (!src) return null;
    try { return JSON.parse(src.textContent); } catch (e) { return null; }
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  var lang = document.documentElement.lang || "id";
  function narrow() { return window.innerWidth < 640; }
  function num(v, digits) {
    return Number(v).toLocaleString(lang === "en" ? "en-GB" : "id-ID",
      { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function signed(v) {
    var s = num(Math.abs(v), 2);
    if (v < 0) return "\u2212" + s;
    if (v > 0) return "+" + s;
    return s;
  }

  function bars(d) {
    return {
      textStyle: { fontFamily: font },
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: narrow() ? 56 : 40 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: d.labels,
        axisLabel: { color: colours.ink, interval: 0, rotate: narrow() ? 35 : 0, fontSize: narrow() ? 10 : 12 } },
      yAxis: { type: "value", minInterval: 1,
        axisLabel: { color: colours.muted, formatter: function (v) { return num(v, 0); } } },
      series: [{
        type: "bar", name: d.axis, barMaxWidth: 56,
        data: d.values.map(function (v, i) { return { value: v, itemStyle: { color: colours[d.kinds[i]] || colours.actual } }; }),
        label: { show: true, position: "top", color: colours.ink, formatter: function (p) { return num(p.value, 0); } }
      }]
    };
  }

  // Size of a heatmap: a row of 20 px per unit and a column of 22 px per
  // competency, so that every cell stays readable; the page scrolls the
  // chart sideways when it is wider than the screen.
  var heatCell = { w: 22, h: 20, top: 92, bottom: 64 };
  function heatLeft() { return narrow() ? 130 : 250; }

  function heatSize(el, d) {
    el.style.height = (d.rows.length * heatCell.h + heatCell.top + heatCell.bottom) + "px";
    el.style.minWidth = (heatLeft() + d.cols.length * heatCell.w + 24) + "px";
  }

  function heatmap(d) {
    var small = narrow();
    return {
      textStyle: { fontFamily: font },
      animation: false,
      grid: { left: heatLeft(), right: 16, top: heatCell.top, bottom: heatCell.bottom },
      tooltip: {
        formatter: function (p) {
          var c = p.value[0], r = p.value[1];
          var n = d.counts[c + "," + r] || 0;
          return escapeHTML(d.rows[r]) + "<br><b>" + escapeHTML(d.cols[c]) + "</b> " + escapeHTML(d.colNames[c]) +
            "<br>" + escapeHTML(d.gap) + ": <b>" + signed(p.value[2]) + "</b> (" + num(n, 0) + " " + escapeHTML(d.count) + ")";
        }
      },
      xAxis: { type: "category", data: d.cols, position: "top", splitArea: { show: true },
        axisLabel: { color: colours.ink, interval: 0, rotate: 60, fontSize: 11 } },
      yAxis: { type: "category", data: d.rows, inverse: true, splitArea: { show: true },
        axisLabel: { color: colours.ink, interval: 0, width: small ? 120 : 240, overflow: "truncate", fontSize: 11 } },
      visualMap: {
        min: d.min, max: d.max, calculable: false, orient: "horizontal", left: "center", bottom: 8,
        text: [d.legend[1], d.legend[0]], textStyle: { color: colours.ink },
        inRange: { color: ["#a40e26", "#cf222e", "#fb8f44", "#eac54f", "#4ac26b", "#1a7f37"] }
      },
      series: [{ type: "heatmap", data: d.cells, label: { show: !small && d.cols.length <= 20,
        formatter: function (p) { return signed(p.value[2]).replace(/([,.]\d)\d$/, "$1"); }, fontSize: 10, color: "#fff",
        textBorderColor: "rgba(0,0,0,.55)", textBorderWidth: 2 },
        emphasis: { itemStyle: { borderColor: colours.ink, borderWidth: 1 } } }]
    };
  }

  function radar(d) {
    var styles = {
      required: { color: colours.required, line: "dashed", area: null },
      actual: { color: colours.actual, line: "solid", area: "rgba(9,105,218,.18)" },
      self: { color: colours.self, line: "dotted", area: null }
    };
    var selected = {};
    d.series.forEach(function (s) { selected[s.name] = !s.hidden; });
    return {
      textStyle: { fontFamily: font },
      animation: false,
      legend: { bottom: 0, selected: selected, textStyle: { color: colours.ink } },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var lines = [escapeHTML(p.seriesName)];
          d.codes.forEach(function (c, i) {
            var v = p.value[i];
            lines.push(escapeHTML(c) + " " + escapeHTML(d.names[i]) + ": <b>" + (v === "-" || v == null ? escapeHTML(d.none) : v) + "</b>");
          });
          return lines.join("<br>");
        }
      },
      radar: {
        indicator: d.codes.map(function (c) { return { name: c, max: 5, min: 0 }; }),
        splitNumber: 5, radius: narrow() ? "50%" : "68%", center: ["50%", "48%"],
        axisName: { color: colours.ink, fontWeight: 600 },
        splitLine: { lineStyle: { color: colours.line } },
        splitArea: { areaStyle: { color: ["#fff", "#f6f8fa"] } }
      },
      series: [{
        type: "radar",
        data: d.series.map(function (s) {
          var st = styles[s.kind] || styles.actual;
          return {
            name: s.name,
            value: s.values.map(function (v) { return v == null ? "-" : v; }),
            symbol: "circle", symbolSize: 6,
            lineStyle: { color: st.color, type: st.line, width: 2 },
            itemStyle: { color: st.color },
            areaStyle: st.area ? { color: st.area } : undefined
          };
        })
      }]
    };
  }

  var builders = { bars: bars, heatmap: heatmap, radar: radar };

  function draw() {
    if (typeof echarts === "undefined") return;
    // Chart areas show only when there is a chart to draw in them.
    document.documentElement.classList.add("charts");
    var charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var build = builders[el.getAttribute("data-chart")];
      var d = data(el);
      if (!build || !d) return;
      if (build === heatmap) heatSize(el, d);
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(build(d));
      el.setAttribute("data-drawn", "true");
      charts.push(chart);
    });
    var pending = 0;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
