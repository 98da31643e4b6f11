/*
 * The desk's own script, the only one besides htmx and ECharts (the Content-Security-Policy allows
 * nothing inline). It sends the CSRF token with htmx requests and draws the dashboard's charts from
 * /api/dashboard, the same numbers as the page; a click on a bar opens the list it counts.
 */
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }

  document.addEventListener('htmx:configRequest', function (e) {
    var header = meta('csrf-header');
    if (header) {
      e.detail.headers[header] = meta('csrf-token');
    }
    // The inspection form's next finding row is numbered after the rows already there.
    if (e.detail.elt && e.detail.elt.id === 'add-finding') {
      e.detail.parameters.index = String(document.querySelectorAll('#findings fieldset.finding').length);
    }
  });

  /* The inspection form says what the ratio or quantity is for the hazard chosen: the page puts the catalogue's
     words (measure_zh/measure_en) on each option judged by a number, and the line under the fields follows the
     choice (its data-none for a hazard judged by neither, data-choose for none chosen). */
  document.addEventListener('change', function (e) {
    var select = e.target;
    if (!select.matches || !select.matches('fieldset.finding select[name$=".hazardCode"]')) {
      return;
    }
    var help = select.closest('fieldset.finding').querySelector('.measure-help');
    var option = select.options[select.selectedIndex];
    if (help && option) {
      help.textContent = option.getAttribute('data-measure-help')
        || help.getAttribute(option.value ? 'data-none' : 'data-choose') || '';
    }
  });

  var cache = {};
  function load(src) {
    if (!cache[src]) {
      cache[src] = fetch(src, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) {
          if (!r.ok) { throw new Error(src + ': HTTP ' + r.status); }
          return r.json();
        });
    }
    return cache[src];
  }

  var GRADE_COLOURS = {RED: '#dc2626', ORANGE: '#f97316', YELLOW: '#eab308', BLUE: '#2563eb', NONE: '#9ca3af'};

  function bars(buckets, colours) {
    return {
      grid: {left: 8, right: 16, top: 8, bottom: 8, containLabel: true},
      tooltip: {trigger: 'item'},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', inverse: true, data: buckets.map(function (b) { return b.label; })},
      series: [{type: 'bar', name: 'hazards', data: buckets.map(function (b) {
        return colours ? {value: b.count, key: b.key, itemStyle: {color: colours[b.key] || '#0b5cad'}}
                       : {value: b.count, key: b.key};
      }), label: {show: true, position: 'right'}, itemStyle: {color: '#0b5cad'}}]
    };
  }

  function trend(weeks, labels) {
    var names = (labels || 'found|closed|open|overdue').split('|');
    var keys = ['found', 'closed', 'openAtEnd', 'overdueAtEnd'];
    return {
      grid: {left: 8, right: 16, top: 36, bottom: 8, containLabel: true},
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: names},
      xAxis: {type: 'category', data: weeks.map(function (w) { return w.from.substring(5); })},
      yAxis: {type: 'value', minInterval: 1},
      series: keys.map(function (k, i) {
        return {type: 'line', name: names[i], data: weeks.map(function (w) { return w[k]; })};
      })
    };
  }

  /* The periodic analysis: this period against the previous, found and closed, one bar group per line. */
  function periodic(d, by, labels) {
    var names = (labels || 'found|found before|closed|closed before').split('|');
    var b = d.breakdowns.filter(function (x) { return x.by === by; })[0];
    var lines = b ? b.lines : [];
    var values = [
      function (l) { return l.current.found; }, function (l) { return l.previous.found; },
      function (l) { return l.current.closed; }, function (l) { return l.previous.closed; }];
    var colours = ['#0b5cad', '#93c5fd', '#15803d', '#86efac'];
    return {
      grid: {left: 8, right: 16, top: 36, bottom: 8, containLabel: true},
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: names},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', inverse: true, axisLabel: {interval: 0}, data: lines.map(function (l) { return l.label; })},
      series: values.map(function (v, i) {
        return {type: 'bar', name: names[i], itemStyle: {color: colours[i]},
          data: lines.map(function (l) { return {value: v(l), key: l.key, param: b.param, series: i}; })};
      })
    };
  }

  function draw(el) {
    var kind = el.getAttribute('data-chart');
    load(el.getAttribute('data-src')).then(function (d) {
      var chart = echarts.init(el, null, {renderer: 'canvas'});
      var option;
      var param = null;
      if (kind === 'state') {
        option = bars(d.byState);
        param = 'state';
      } else if (kind === 'grade') {
        option = bars(d.byGrade.filter(function (b) { return b.key !== 'NONE' || b.count > 0; }), GRADE_COLOURS);
        param = 'grade';
      } else if (kind === 'trend') {
        option = trend(d.trend, el.getAttribute('data-labels'));
      } else if (kind === 'periodic') {
        option = periodic(d, el.getAttribute('data-by'), el.getAttribute('data-labels'));
        /* A bar opens the hazards it counts: found or closed in its period, as of the period's end. */
        chart.on('click', function (p) {
          if (!p.data || !p.data.key) { return; }
          var current = p.data.series % 2 === 0;
          var from = current ? d.from : d.previousFrom;
          var to = current ? d.to : d.previousTo;
          var what = p.data.series < 2 ? 'found' : 'closed';
          window.location.href = '/hazards?' + p.data.param + '=' + encodeURIComponent(p.data.key) + '&' + what
            + 'From=' + from + '&' + what + 'To=' + to + '&asOf=' + to;
        });
      } else {
        return;
      }
      chart.setOption(option);
      el.setAttribute('data-rendered', 'true');
      var list = el.getAttribute('data-list');
      if (param && list) {
        chart.on('click', function (p) {
          if (p.data && p.data.key && p.data.key !== 'NONE') {
            window.location.href = list + '&' + param + '=' + encodeURIComponent(p.data.key);
          }
        });
      }
      window.addEventListener('resize', function () { chart.resize(); });
    }).catch(function (e) {
      el.setAttribute('data-error', String(e));
      el.textContent = String(e);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(draw);
  });
})();
