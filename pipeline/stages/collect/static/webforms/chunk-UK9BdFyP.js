import { A as e, B as t, C as n, D as r, E as i, G as a, H as o, I as s, J as c, K as l, L as u, M as d, N as f, O as p, P as m, R as h, S as g, T as _, U as v, V as y, W as b, Y as x, _ as S, a as C, b as w, c as ee, d as T, f as E, g as D, h as O, j as k, k as te, l as ne, m as re, n as A, o as j, p as ie, q as M, s as ae, t as N, u as oe, v as se, y as ce, z as le } from "./chunk-DsYh8UaU.js";
// node_modules/@getodk/web-forms/dist/MapBlock-Bb-sCnDx.js
function ue(...e) {
	console.warn(...e);
}
var P = {
	UNKNOWN: 0,
	INTERSECTING: 1,
	ABOVE: 2,
	RIGHT: 4,
	BELOW: 8,
	LEFT: 16
};
function de(e) {
	let t = ye();
	for (let n = 0, r = e.length; n < r; ++n) Ee(t, e[n]);
	return t;
}
function fe(e, t, n) {
	return n ? (n[0] = e[0] - t, n[1] = e[1] - t, n[2] = e[2] + t, n[3] = e[3] + t, n) : [
		e[0] - t,
		e[1] - t,
		e[2] + t,
		e[3] + t
	];
}
function pe(e, t) {
	return t ? (t[0] = e[0], t[1] = e[1], t[2] = e[2], t[3] = e[3], t) : e.slice();
}
function me(e, t, n) {
	let r, i;
	return r = t < e[0] ? e[0] - t : e[2] < t ? t - e[2] : 0, i = n < e[1] ? e[1] - n : e[3] < n ? n - e[3] : 0, r * r + i * i;
}
function he(e, t) {
	return _e(e, t[0], t[1]);
}
function ge(e, t) {
	return e[0] <= t[0] && t[2] <= e[2] && e[1] <= t[1] && t[3] <= e[3];
}
function _e(e, t, n) {
	return e[0] <= t && t <= e[2] && e[1] <= n && n <= e[3];
}
function ve(e, t) {
	let n = e[0], r = e[1], i = e[2], a = e[3], o = t[0], s = t[1], c = P.UNKNOWN;
	return o < n ? c |= P.LEFT : o > i && (c |= P.RIGHT), s < r ? c |= P.BELOW : s > a && (c |= P.ABOVE), c === P.UNKNOWN && (c = P.INTERSECTING), c;
}
function ye() {
	return [
		1 / 0,
		1 / 0,
		-1 / 0,
		-1 / 0
	];
}
function be(e, t, n, r, i) {
	return i ? (i[0] = e, i[1] = t, i[2] = n, i[3] = r, i) : [
		e,
		t,
		n,
		r
	];
}
function xe(e) {
	return be(1 / 0, 1 / 0, -1 / 0, -1 / 0, e);
}
function Se(e, t) {
	let n = e[0], r = e[1];
	return be(n, r, n, r, t);
}
function Ce(e, t, n, r, i) {
	return De(xe(i), e, t, n, r);
}
function we(e, t) {
	return e[0] == t[0] && e[2] == t[2] && e[1] == t[1] && e[3] == t[3];
}
function Te(e, t) {
	return t[0] < e[0] && (e[0] = t[0]), t[2] > e[2] && (e[2] = t[2]), t[1] < e[1] && (e[1] = t[1]), t[3] > e[3] && (e[3] = t[3]), e;
}
function Ee(e, t) {
	t[0] < e[0] && (e[0] = t[0]), t[0] > e[2] && (e[2] = t[0]), t[1] < e[1] && (e[1] = t[1]), t[1] > e[3] && (e[3] = t[1]);
}
function De(e, t, n, r, i) {
	for (; n < r; n += i) Oe(e, t[n], t[n + 1]);
	return e;
}
function Oe(e, t, n) {
	e[0] = Math.min(e[0], t), e[1] = Math.min(e[1], n), e[2] = Math.max(e[2], t), e[3] = Math.max(e[3], n);
}
function ke(e, t) {
	let n;
	return n = t(je(e)), n || (n = t(Me(e)), n) || (n = t(Be(e)), n) || (n = t(ze(e)), n) ? n : !1;
}
function Ae(e) {
	let t = 0;
	return He(e) || (t = F(e) * Le(e)), t;
}
function je(e) {
	return [e[0], e[1]];
}
function Me(e) {
	return [e[2], e[1]];
}
function Ne(e) {
	return [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];
}
function Pe(e, t) {
	let n;
	if (t === "bottom-left") n = je(e);
	else if (t === "bottom-right") n = Me(e);
	else if (t === "top-left") n = ze(e);
	else if (t === "top-right") n = Be(e);
	else throw Error("Invalid corner");
	return n;
}
function Fe(e, t, n, r, i) {
	let [a, o, s, c, l, u, d, f] = Ie(e, t, n, r);
	return be(Math.min(a, s, l, d), Math.min(o, c, u, f), Math.max(a, s, l, d), Math.max(o, c, u, f), i);
}
function Ie(e, t, n, r) {
	let i = t * r[0] / 2, a = t * r[1] / 2, o = Math.cos(n), s = Math.sin(n), c = i * o, l = i * s, u = a * o, d = a * s, f = e[0], p = e[1];
	return [
		f - c + d,
		p - l - u,
		f - c - d,
		p - l + u,
		f + c - d,
		p + l + u,
		f + c + d,
		p + l - u,
		f - c + d,
		p - l - u
	];
}
function Le(e) {
	return e[3] - e[1];
}
function Re(e, t, n) {
	let r = n || ye();
	return Ve(e, t) ? (r[0] = e[0] > t[0] ? e[0] : t[0], r[1] = e[1] > t[1] ? e[1] : t[1], r[2] = e[2] < t[2] ? e[2] : t[2], r[3] = e[3] < t[3] ? e[3] : t[3]) : xe(r), r;
}
function ze(e) {
	return [e[0], e[3]];
}
function Be(e) {
	return [e[2], e[3]];
}
function F(e) {
	return e[2] - e[0];
}
function Ve(e, t) {
	return e[0] <= t[2] && e[2] >= t[0] && e[1] <= t[3] && e[3] >= t[1];
}
function He(e) {
	return e[2] < e[0] || e[3] < e[1];
}
function Ue(e, t) {
	return t ? (t[0] = e[0], t[1] = e[1], t[2] = e[2], t[3] = e[3], t) : e;
}
function We(e, t, n) {
	let r = !1, i = ve(e, t), a = ve(e, n);
	if (i === P.INTERSECTING || a === P.INTERSECTING) r = !0;
	else {
		let o = e[0], s = e[1], c = e[2], l = e[3], u = t[0], d = t[1], f = n[0], p = n[1], m = (p - d) / (f - u), h, g;
		a & P.ABOVE && !(i & P.ABOVE) && (h = f - (p - l) / m, r = h >= o && h <= c), !r && a & P.RIGHT && !(i & P.RIGHT) && (g = p - (f - c) * m, r = g >= s && g <= l), !r && a & P.BELOW && !(i & P.BELOW) && (h = f - (p - s) / m, r = h >= o && h <= c), !r && a & P.LEFT && !(i & P.LEFT) && (g = p - (f - o) * m, r = g >= s && g <= l);
	}
	return r;
}
function Ge(e, t) {
	let n = t.getExtent(), r = Ne(e);
	if (t.canWrapX() && (r[0] < n[0] || r[0] >= n[2])) {
		let t = F(n), i = Math.floor((r[0] - n[0]) / t) * t;
		e[0] -= i, e[2] -= i;
	}
	return e;
}
function Ke(e, t, n) {
	if (t.canWrapX()) {
		let r = t.getExtent();
		if (!isFinite(e[0]) || !isFinite(e[2])) return [[
			r[0],
			e[1],
			r[2],
			e[3]
		]];
		Ge(e, t);
		let i = F(r);
		if (F(e) > i && !n) return [[
			r[0],
			e[1],
			r[2],
			e[3]
		]];
		if (e[0] < r[0]) return [[
			e[0] + i,
			e[1],
			r[2],
			e[3]
		], [
			r[0],
			e[1],
			e[2],
			e[3]
		]];
		if (e[2] > r[2]) return [[
			e[0],
			e[1],
			r[2],
			e[3]
		], [
			r[0],
			e[1],
			e[2] - i,
			e[3]
		]];
	}
	return [e];
}
function qe(e, t, n) {
	return Math.min(Math.max(e, t), n);
}
function Je(e, t, n, r, i, a) {
	let o = i - n, s = a - r;
	if (o !== 0 || s !== 0) {
		let c = ((e - n) * o + (t - r) * s) / (o * o + s * s);
		c > 1 ? (n = i, r = a) : c > 0 && (n += o * c, r += s * c);
	}
	return Ye(e, t, n, r);
}
function Ye(e, t, n, r) {
	let i = n - e, a = r - t;
	return i * i + a * a;
}
function Xe(e) {
	let t = e.length;
	for (let n = 0; n < t; n++) {
		let r = n, i = Math.abs(e[n][n]);
		for (let a = n + 1; a < t; a++) {
			let t = Math.abs(e[a][n]);
			t > i && (i = t, r = a);
		}
		if (i === 0) return null;
		let a = e[r];
		e[r] = e[n], e[n] = a;
		for (let r = n + 1; r < t; r++) {
			let i = -e[r][n] / e[n][n];
			for (let a = n; a < t + 1; a++) n == a ? e[r][a] = 0 : e[r][a] += i * e[n][a];
		}
	}
	let n = Array(t);
	for (let r = t - 1; r >= 0; r--) {
		n[r] = e[r][t] / e[r][r];
		for (let i = r - 1; i >= 0; i--) e[i][t] -= e[i][r] * n[r];
	}
	return n;
}
function Ze(e) {
	return e * 180 / Math.PI;
}
function Qe(e) {
	return e * Math.PI / 180;
}
function $e(e, t) {
	let n = e % t;
	return n * t < 0 ? n + t : n;
}
function et(e, t, n) {
	return e + n * (t - e);
}
function tt(e, t) {
	let n = 10 ** t;
	return Math.round(e * n) / n;
}
function nt(e, t) {
	return Math.floor(tt(e, t));
}
function rt(e, t) {
	return Math.ceil(tt(e, t));
}
function it(e, t, n) {
	if (e >= t && e < n) return e;
	let r = n - t;
	return ((e - t) % r + r) % r + t;
}
function at(e, t) {
	return e[0] += +t[0], e[1] += +t[1], e;
}
function ot(e, t) {
	let n = e[0], r = e[1], i = t[0], a = t[1], o = i[0], s = i[1], c = a[0], l = a[1], u = c - o, d = l - s, f = u === 0 && d === 0 ? 0 : (u * (n - o) + d * (r - s)) / (u * u + d * d || 0), p, m;
	return f <= 0 ? (p = o, m = s) : f >= 1 ? (p = c, m = l) : (p = o + f * u, m = s + f * d), [p, m];
}
function st(e, t) {
	let n = !0;
	for (let r = e.length - 1; r >= 0; --r) if (e[r] != t[r]) {
		n = !1;
		break;
	}
	return n;
}
function ct(e, t) {
	let n = Math.cos(t), r = Math.sin(t), i = e[0] * n - e[1] * r, a = e[1] * n + e[0] * r;
	return e[0] = i, e[1] = a, e;
}
function lt(e, t) {
	return e[0] *= t, e[1] *= t, e;
}
function ut(e, t) {
	let n = e[0] - t[0], r = e[1] - t[1];
	return n * n + r * r;
}
function dt(e, t) {
	return Math.sqrt(ut(e, t));
}
function ft(e, t) {
	return ut(e, ot(e, t));
}
function pt(e, t) {
	if (t.canWrapX()) {
		let n = F(t.getExtent()), r = mt(e, t, n);
		r && (e[0] -= r * n);
	}
	return e;
}
function mt(e, t, n) {
	let r = t.getExtent(), i = 0;
	return t.canWrapX() && (e[0] < r[0] || e[0] > r[2]) && (n ||= F(r), i = Math.floor((e[0] - r[0]) / n)), i;
}
var ht = {
	radians: 6370997 / (2 * Math.PI),
	degrees: 2 * Math.PI * 6370997 / 360,
	ft: .3048,
	m: 1,
	"us-ft": 1200 / 3937
}, gt = class {
	constructor(e) {
		this.code_ = e.code, this.units_ = e.units, this.extent_ = e.extent === void 0 ? null : e.extent, this.worldExtent_ = e.worldExtent === void 0 ? null : e.worldExtent, this.axisOrientation_ = e.axisOrientation === void 0 ? "enu" : e.axisOrientation, this.global_ = e.global !== void 0 && e.global, this.canWrapX_ = !!(this.global_ && this.extent_), this.getPointResolutionFunc_ = e.getPointResolution, this.defaultTileGrid_ = null, this.metersPerUnit_ = e.metersPerUnit;
	}
	canWrapX() {
		return this.canWrapX_;
	}
	getCode() {
		return this.code_;
	}
	getExtent() {
		return this.extent_;
	}
	getUnits() {
		return this.units_;
	}
	getMetersPerUnit() {
		return this.metersPerUnit_ || ht[this.units_];
	}
	getWorldExtent() {
		return this.worldExtent_;
	}
	getAxisOrientation() {
		return this.axisOrientation_;
	}
	isGlobal() {
		return this.global_;
	}
	setGlobal(e) {
		this.global_ = e, this.canWrapX_ = !!(e && this.extent_);
	}
	getDefaultTileGrid() {
		return this.defaultTileGrid_;
	}
	setDefaultTileGrid(e) {
		this.defaultTileGrid_ = e;
	}
	setExtent(e) {
		this.extent_ = e, this.canWrapX_ = !!(this.global_ && e);
	}
	setWorldExtent(e) {
		this.worldExtent_ = e;
	}
	setGetPointResolution(e) {
		this.getPointResolutionFunc_ = e;
	}
	getPointResolutionFunc() {
		return this.getPointResolutionFunc_;
	}
}, _t = 6378137, vt = Math.PI * _t, yt = [
	-vt,
	-vt,
	vt,
	vt
], bt = [
	-180,
	-85,
	180,
	85
], xt = _t * Math.log(Math.tan(Math.PI / 2)), St = class extends gt {
	constructor(e) {
		super({
			code: e,
			units: "m",
			extent: yt,
			global: !0,
			worldExtent: bt,
			getPointResolution: function(e, t) {
				return e / Math.cosh(t[1] / _t);
			}
		});
	}
}, Ct = [
	new St("EPSG:3857"),
	new St("EPSG:102100"),
	new St("EPSG:102113"),
	new St("EPSG:900913"),
	new St("http://www.opengis.net/def/crs/EPSG/0/3857"),
	new St("http://www.opengis.net/gml/srs/epsg.xml#3857")
];
function wt(e, t, n, r) {
	let i = e.length;
	n = n > 1 ? n : 2, r ??= n, t === void 0 && (t = n > 2 ? e.slice() : Array(i));
	for (let n = 0; n < i; n += r) {
		t[n] = vt * e[n] / 180;
		let r = _t * Math.log(Math.tan(Math.PI * (+e[n + 1] + 90) / 360));
		r > xt ? r = xt : r < -xt && (r = -xt), t[n + 1] = r;
	}
	return t;
}
function Tt(e, t, n, r) {
	let i = e.length;
	n = n > 1 ? n : 2, r ??= n, t === void 0 && (t = n > 2 ? e.slice() : Array(i));
	for (let n = 0; n < i; n += r) t[n] = 180 * e[n] / vt, t[n + 1] = 360 * Math.atan(Math.exp(e[n + 1] / _t)) / Math.PI - 90;
	return t;
}
var Et = 6378137, Dt = [
	-180,
	-90,
	180,
	90
], Ot = Math.PI * Et / 180, kt = class extends gt {
	constructor(e, t) {
		super({
			code: e,
			units: "degrees",
			extent: Dt,
			axisOrientation: t,
			global: !0,
			metersPerUnit: Ot,
			worldExtent: Dt
		});
	}
}, At = [
	new kt("CRS:84"),
	new kt("EPSG:4326", "neu"),
	new kt("urn:ogc:def:crs:OGC:1.3:CRS84"),
	new kt("urn:ogc:def:crs:OGC:2:84"),
	new kt("http://www.opengis.net/def/crs/OGC/1.3/CRS84"),
	new kt("http://www.opengis.net/gml/srs/epsg.xml#4326", "neu"),
	new kt("http://www.opengis.net/def/crs/EPSG/0/4326", "neu")
], jt = {};
function Mt(e) {
	return jt[e] || jt[e.replace(/urn:(x-)?ogc:def:crs:EPSG:(.*:)?(\w+)$/, "EPSG:$3")] || null;
}
function Nt(e, t) {
	jt[e] = t;
}
function Pt(e) {
	for (let t in e) delete e[t];
}
function Ft(e) {
	let t;
	for (t in e) return !1;
	return !t;
}
var It = {};
function Lt(e, t, n) {
	let r = e.getCode(), i = t.getCode();
	r in It || (It[r] = {}), It[r][i] = n;
}
function Rt(e, t) {
	return e in It && t in It[e] ? It[e][t] : null;
}
var zt = .9996, Bt = .00669438, Vt = Bt * Bt, Ht = Vt * Bt, Ut = Bt / .99330562, Wt = Math.sqrt(.99330562), Gt = (1 - Wt) / (1 + Wt), Kt = Gt * Gt, qt = Kt * Gt, Jt = qt * Gt, Yt = Jt * Gt, Xt = 1 - Bt / 4 - 3 * Vt / 64 - 5 * Ht / 256, Zt = .002514607064228144, Qt = 26390466021299826e-22, $t = 35 * Ht / 3072, en = 3 / 2 * Gt - 27 / 32 * qt + 269 / 512 * Yt, tn = 21 / 16 * Kt - 55 / 32 * Jt, nn = 151 / 96 * qt - 417 / 128 * Yt, rn = 1097 / 512 * Jt, an = 6378137;
function on(e, t, n) {
	let r = e - 5e5, i = (n.north ? t : t - 1e7) / zt / (an * Xt), a = i + en * Math.sin(2 * i) + tn * Math.sin(4 * i) + nn * Math.sin(6 * i) + rn * Math.sin(8 * i), o = Math.sin(a), s = o * o, c = Math.cos(a), l = o / c, u = l * l, d = u * u, f = 1 - Bt * s, p = an / Math.sqrt(1 - Bt * s), m = .99330562 / f, h = Ut * c ** 2, g = h * h, _ = r / (p * zt), v = _ * _, y = v * _, b = y * _, x = b * _, S = x * _, C = a - l / m * (v / 2 - b / 24 * (5 + 3 * u + 10 * h - 4 * g - 9 * Ut)) + S / 720 * (61 + 90 * u + 298 * h + 45 * d - 252 * Ut - 3 * g), w = (_ - y / 6 * (1 + 2 * u + h) + x / 120 * (5 - 2 * h + 28 * u - 3 * g + 8 * Ut + 24 * d)) / c;
	return w = it(w + Qe(fn(n.number)), -Math.PI, Math.PI), [Ze(w), Ze(C)];
}
var sn = -80, cn = 84, ln = -180, un = 180;
function dn(e, t, n) {
	e = it(e, ln, un), t < sn ? t = sn : t > cn && (t = cn);
	let r = Qe(t), i = Math.sin(r), a = Math.cos(r), o = i / a, s = o * o, c = s * s, l = Qe(e), u = Qe(fn(n.number)), d = an / Math.sqrt(1 - Bt * i ** 2), f = Ut * a ** 2, p = a * it(l - u, -Math.PI, Math.PI), m = p * p, h = m * p, g = h * p, _ = g * p, v = _ * p, y = an * (Xt * r - Zt * Math.sin(2 * r) + Qt * Math.sin(4 * r) - $t * Math.sin(6 * r)), b = zt * d * (p + h / 6 * (1 - s + f) + _ / 120 * (5 - 18 * s + c + 72 * f - 58 * Ut)) + 5e5, x = zt * (y + d * o * (m / 2 + g / 24 * (5 - s + 9 * f + 4 * f ** 2) + v / 720 * (61 - 58 * s + c + 600 * f - 330 * Ut)));
	return n.north || (x += 1e7), [b, x];
}
function fn(e) {
	return (e - 1) * 6 - 180 + 3;
}
var pn = [
	/^EPSG:(\d+)$/,
	/^urn:ogc:def:crs:EPSG::(\d+)$/,
	/^http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d+)$/
];
function mn(e) {
	let t = 0;
	for (let n of pn) {
		let r = e.match(n);
		if (r) {
			t = parseInt(r[1]);
			break;
		}
	}
	if (!t) return null;
	let n = 0, r = !1;
	return t > 32700 && t < 32761 ? n = t - 32700 : t > 32600 && t < 32661 && (r = !0, n = t - 32600), n ? {
		number: n,
		north: r
	} : null;
}
function hn(e, t) {
	return function(n, r, i, a) {
		let o = n.length;
		i = i > 1 ? i : 2, a ??= i, r ||= i > 2 ? n.slice() : Array(o);
		for (let i = 0; i < o; i += a) {
			let a = e(n[i], n[i + 1], t);
			r[i] = a[0], r[i + 1] = a[1];
		}
		return r;
	};
}
function gn(e) {
	return mn(e) ? new gt({
		code: e,
		units: "m"
	}) : null;
}
function _n(e) {
	let t = mn(e.getCode());
	return t ? {
		forward: hn(dn, t),
		inverse: hn(on, t)
	} : null;
}
var vn = 6371008.8;
function yn(e, t, n) {
	n ||= vn;
	let r = Qe(e[1]), i = Qe(t[1]), a = (i - r) / 2, o = Qe(t[0] - e[0]) / 2, s = Math.sin(a) * Math.sin(a) + Math.sin(o) * Math.sin(o) * Math.cos(r) * Math.cos(i);
	return 2 * n * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
}
var bn = [_n], xn = [gn], Sn = !0;
function Cn(e) {
	Sn = !1;
}
function wn(e, t) {
	if (t !== void 0) {
		for (let n = 0, r = e.length; n < r; ++n) t[n] = e[n];
		t = t;
	} else t = e.slice();
	return t;
}
function Tn(e) {
	Nt(e.getCode(), e), Lt(e, e, wn);
}
function En(e) {
	e.forEach(Tn);
}
function Dn(e) {
	if (typeof e != "string") return e;
	let t = Mt(e);
	if (t) return t;
	for (let t of xn) {
		let n = t(e);
		if (n) return n;
	}
	return null;
}
function On(e, t, n, r) {
	e = Dn(e);
	let i, a = e.getPointResolutionFunc();
	if (a) {
		if (i = a(t, n), r && r !== e.getUnits()) {
			let t = e.getMetersPerUnit();
			t && (i = i * t / ht[r]);
		}
	} else {
		let a = e.getUnits();
		if (a == "degrees" && !r || r == "degrees") i = t;
		else {
			let o = In(e, Dn("EPSG:4326"));
			if (!o && a !== "degrees") i = t * e.getMetersPerUnit();
			else {
				let e = [
					n[0] - t / 2,
					n[1],
					n[0] + t / 2,
					n[1],
					n[0],
					n[1] - t / 2,
					n[0],
					n[1] + t / 2
				];
				e = o(e, e, 2), i = (yn(e.slice(0, 2), e.slice(2, 4)) + yn(e.slice(4, 6), e.slice(6, 8))) / 2;
			}
			let s = r ? ht[r] : e.getMetersPerUnit();
			s !== void 0 && (i /= s);
		}
	}
	return i;
}
function kn(e) {
	En(e), e.forEach(function(t) {
		e.forEach(function(e) {
			t !== e && Lt(t, e, wn);
		});
	});
}
function An(e, t, n, r) {
	e.forEach(function(e) {
		t.forEach(function(t) {
			Lt(e, t, n), Lt(t, e, r);
		});
	});
}
function jn(e, t) {
	return e ? typeof e == "string" ? Dn(e) : e : Dn(t);
}
function Mn(e) {
	return (function(t, n, r, i) {
		let a = t.length;
		r = r === void 0 ? 2 : r, i ??= r, n = n === void 0 ? Array(a) : n;
		for (let o = 0; o < a; o += i) {
			let a = e(t.slice(o, o + r)), s = a.length;
			for (let e = 0, r = i; e < r; ++e) n[o + e] = e >= s ? t[o + e] : a[e];
		}
		return n;
	});
}
function Nn(e, t) {
	return Cn(), zn(e, "EPSG:4326", "EPSG:3857");
}
function Pn(e, t) {
	let n = zn(e, "EPSG:3857", "EPSG:4326"), r = n[0];
	return (r < -180 || r > 180) && (n[0] = $e(r + 180, 360) - 180), n;
}
function Fn(e, t) {
	if (e === t) return !0;
	let n = e.getUnits() === t.getUnits();
	return (e.getCode() === t.getCode() || In(e, t) === wn) && n;
}
function In(e, t) {
	let n = e.getCode(), r = t.getCode(), i = Rt(n, r);
	if (i) return i;
	let a = null, o = null;
	for (let n of bn) a ||= n(e), o ||= n(t);
	if (!a && !o) return null;
	let s = "EPSG:4326";
	if (o) {
		if (a) i = Ln(a.inverse, o.forward);
		else {
			let e = Rt(n, s);
			e && (i = Ln(e, o.forward));
		}
	} else {
		let e = Rt(s, r);
		e && (i = Ln(a.inverse, e));
	}
	return i && (Tn(e), Tn(t), Lt(e, t, i)), i;
}
function Ln(e, t) {
	return function(n, r, i, a) {
		return r = e(n, r, i, a), t(r, r, i, a);
	};
}
function Rn(e, t) {
	return In(Dn(e), Dn(t));
}
function zn(e, t, n) {
	let r = Rn(t, n);
	if (!r) {
		let e = Dn(t).getCode(), r = Dn(n).getCode();
		throw Error(`No transform available between ${e} and ${r}`);
	}
	return r(e, void 0, e.length);
}
function Bn(e, t) {
	return e;
}
function Vn(e, t) {
	return Sn && !st(e, [0, 0]) && e[0] >= -180 && e[0] <= 180 && e[1] >= -90 && e[1] <= 90 && (Sn = !1, ue("Call useGeographic() from ol/proj once to work with [longitude, latitude] coordinates.")), e;
}
function Hn(e, t) {
	return e;
}
function Un(e, t) {
	return e;
}
function Wn() {
	kn(Ct), kn(At), An(At, Ct, wt, Tt);
}
Wn();
var Gn = {
	key: 0,
	class: "advanced-panel"
}, Kn = { class: "fields-container" }, qn = { class: "input-wrap" }, Jn = ["disabled"], Yn = { class: "input-wrap" }, Xn = ["disabled"], Zn = { class: "field-set" }, Qn = { class: "input-wrap" }, $n = ["disabled"], er = { class: "field-set" }, tr = { class: "input-wrap" }, nr = ["disabled"], rr = /* @__PURE__ */ ae(/* @__PURE__ */ m({
	__name: "MapAdvancedPanel",
	props: {
		isOpen: { type: Boolean },
		coordinates: {}
	},
	emits: ["open-paste-dialog", "save"],
	setup(i, { emit: s }) {
		let l = i, u = s, d = a(), m = a(), h = a(), y = a(), x = r(() => !l.coordinates?.length), S = r(() => T(d.value) && !oe(d.value, m.value)), C = r(() => E(m.value) && !oe(d.value, m.value));
		o(() => l.coordinates, (e) => {
			e ? [m.value, d.value, y.value, h.value] = e : (h.value = void 0, d.value = void 0, y.value = void 0, m.value = void 0);
		}, { immediate: !0 });
		let w = () => {
			if (!S.value || !C.value) return;
			let e = ce(Number(m.value), Number(d.value), Number(y.value), Number(h.value));
			e.length && u("save", Nn(e));
		};
		return (r, a) => (t(), te(n, { name: "panel" }, {
			default: v(() => [i.isOpen ? (t(), k("div", Gn, [p("div", Kn, [
				p("div", { class: c([{ "field-error": !x.value && !C.value }, "field-set"]) }, [p("div", qn, [a[5] ||= p("label", { for: "longitude" }, g("map_advanced_panel.longitude.label"), -1), b(p("input", {
					id: "longitude",
					"onUpdate:modelValue": a[0] ||= (e) => m.value = e,
					type: "number",
					disabled: x.value,
					onChange: w
				}, null, 40, Jn), [[_, m.value]])]), a[6] ||= p("p", { class: "field-error-message" }, g("map_advanced_panel.longitude.error"), -1)], 2),
				p("div", { class: c([{ "field-error": !x.value && !S.value }, "field-set"]) }, [p("div", Yn, [a[7] ||= p("label", { for: "latitude" }, g("map_advanced_panel.latitude.label"), -1), b(p("input", {
					id: "latitude",
					"onUpdate:modelValue": a[1] ||= (e) => d.value = e,
					type: "number",
					disabled: x.value,
					onChange: w
				}, null, 40, Xn), [[_, d.value]])]), a[8] ||= p("p", { class: "field-error-message" }, g("map_advanced_panel.latitude.error"), -1)], 2),
				p("div", Zn, [p("div", Qn, [a[9] ||= p("label", { for: "altitude" }, g("map_advanced_panel.altitude.label"), -1), b(p("input", {
					id: "altitude",
					"onUpdate:modelValue": a[2] ||= (e) => y.value = e,
					type: "number",
					disabled: x.value,
					onChange: w
				}, null, 40, $n), [[_, y.value]])])]),
				p("div", er, [p("div", tr, [a[10] ||= p("label", { for: "accuracy" }, g("map_advanced_panel.accuracy.label"), -1), b(p("input", {
					id: "accuracy",
					"onUpdate:modelValue": a[3] ||= (e) => h.value = e,
					type: "number",
					disabled: x.value,
					onChange: w
				}, null, 40, nr), [[_, h.value]])])])
			]), p("a", {
				class: "paste-location",
				onClick: a[4] ||= (e) => u("open-paste-dialog")
			}, [f(N, {
				name: "mdiFileOutline",
				size: "sm"
			}), a[11] ||= p("strong", null, g("map_advanced_panel.import_data.label"), -1)])])) : e("", !0)]),
			_: 1
		}));
	}
}), [["__scopeId", "data-v-61c2293c"]]), ir = { key: 0 }, ar = { key: 1 }, or = { key: 0 }, sr = { key: 1 }, cr = /* @__PURE__ */ m({
	__name: "MapConfirmDialog",
	props: {
		singleFeatureType: {},
		visible: { type: Boolean }
	},
	emits: ["update:visible", "deleteFeature"],
	setup(e, { emit: n }) {
		let r = n;
		return (n, i) => (t(), te(M(O), {
			visible: e.visible,
			modal: "",
			class: "map-block-dialog",
			draggable: !1,
			"onUpdate:visible": i[1] ||= (e) => r("update:visible", e)
		}, {
			header: v(() => [e.singleFeatureType === M(j).SHAPE ? (t(), k("strong", ir, g("map_confirm_dialog.delete_shape.header"))) : (t(), k("strong", ar, g("map_confirm_dialog.delete_trace.header")))]),
			default: v(() => [e.singleFeatureType === M(j).SHAPE ? (t(), k("p", or, g("map_confirm_dialog.delete_shape.body"))) : (t(), k("p", sr, g("map_confirm_dialog.delete_trace.body")))]),
			footer: v(() => [f(M(D), {
				label: g("map_confirm_dialog.delete.label"),
				onClick: i[0] ||= (e) => r("deleteFeature")
			})]),
			_: 1
		}, 8, ["visible"]));
	}
}), lr = { class: "control-bar-vertical" }, ur = ["disabled"], dr = {
	key: 0,
	class: "control-bar-horizontal"
}, fr = ["disabled"], pr = ["disabled"], mr = /* @__PURE__ */ ae(/* @__PURE__ */ m({
	__name: "MapControls",
	props: {
		isFullScreen: { type: Boolean },
		disableFitAllFeatures: { type: Boolean },
		disableUndo: { type: Boolean },
		disableDelete: { type: Boolean },
		showSecondaryControls: { type: Boolean }
	},
	emits: [
		"toggleFullScreen",
		"fitAllFeatures",
		"watchCurrentLocation",
		"triggerDelete",
		"undoLastChange"
	],
	setup(n, { emit: r }) {
		let i = r;
		return (r, a) => (t(), k("div", { class: c(["control-bar", { "full-screen-active": n.isFullScreen }]) }, [p("div", lr, [
			p("button", {
				title: g("map_controls.full_screen.description"),
				onClick: a[0] ||= (e) => i("toggleFullScreen")
			}, [n.isFullScreen ? (t(), te(N, {
				key: 0,
				name: "mdiArrowCollapse"
			})) : (t(), te(N, {
				key: 1,
				name: "mdiArrowExpand"
			}))]),
			p("button", {
				class: "zoom-fit-all",
				title: g("map_controls.zoom_fit_all.description"),
				disabled: n.disableFitAllFeatures,
				onClick: a[1] ||= (e) => i("fitAllFeatures")
			}, [f(N, { name: "mdiFullscreen" })], 8, ur),
			p("button", {
				class: "zoom-current-location",
				title: g("map_controls.current_location.description"),
				onClick: a[2] ||= (e) => i("watchCurrentLocation")
			}, [f(N, {
				name: "mdiCrosshairsGps",
				size: "sm"
			})])
		]), n.showSecondaryControls ? (t(), k("div", dr, [p("button", {
			title: g("map_controls.delete.description"),
			disabled: n.disableDelete,
			onClick: a[3] ||= (e) => i("triggerDelete")
		}, [f(N, { name: "mdiTrashCanOutline" })], 8, fr), p("button", {
			title: g("map_controls.undo.description"),
			disabled: n.disableUndo,
			onClick: a[4] ||= (e) => i("undoLastChange")
		}, [f(N, { name: "mdiArrowULeftTop" })], 8, pr)])) : e("", !0)], 2));
	}
}), [["__scopeId", "data-v-b324b2c9"]]);
function I() {
	throw Error("Unimplemented abstract method.");
}
var hr = 0;
function L(e) {
	return e.ol_uid ||= String(++hr);
}
var gr = { PROPERTYCHANGE: "propertychange" }, R = {
	CHANGE: "change",
	ERROR: "error",
	CONTEXTMENU: "contextmenu",
	CLICK: "click",
	DBLCLICK: "dblclick",
	KEYDOWN: "keydown",
	KEYPRESS: "keypress",
	LOAD: "load",
	TOUCHMOVE: "touchmove",
	WHEEL: "wheel"
}, _r = class {
	constructor() {
		this.disposed = !1;
	}
	dispose() {
		this.disposed || (this.disposed = !0, this.disposeInternal());
	}
	disposeInternal() {}
};
function vr(e, t, n) {
	let r, i;
	n ||= yr;
	let a = 0, o = e.length, s = !1;
	for (; a < o;) r = a + (o - a >> 1), i = +n(e[r], t), i < 0 ? a = r + 1 : (o = r, s = !i);
	return s ? a : ~a;
}
function yr(e, t) {
	return e > t ? 1 : e < t ? -1 : 0;
}
function br(e, t) {
	return e < t ? 1 : e > t ? -1 : 0;
}
function xr(e, t, n) {
	if (e[0] <= t) return 0;
	let r = e.length;
	if (t <= e[r - 1]) return r - 1;
	if (typeof n == "function") {
		for (let i = 1; i < r; ++i) {
			let r = e[i];
			if (r === t) return i;
			if (r < t) return n(t, e[i - 1], r) > 0 ? i - 1 : i;
		}
		return r - 1;
	}
	if (n > 0) {
		for (let n = 1; n < r; ++n) if (e[n] < t) return n - 1;
		return r - 1;
	}
	if (n < 0) {
		for (let n = 1; n < r; ++n) if (e[n] <= t) return n;
		return r - 1;
	}
	for (let n = 1; n < r; ++n) {
		if (e[n] == t) return n;
		if (e[n] < t) return e[n - 1] - t < t - e[n] ? n - 1 : n;
	}
	return r - 1;
}
function Sr(e, t, n) {
	for (; t < n;) {
		let r = e[t];
		e[t] = e[n], e[n] = r, ++t, --n;
	}
}
function Cr(e, t) {
	let n = Array.isArray(t) ? t : [t], r = n.length;
	for (let t = 0; t < r; t++) e[e.length] = n[t];
}
function wr(e, t) {
	let n = e.length;
	if (n !== t.length) return !1;
	for (let r = 0; r < n; r++) if (e[r] !== t[r]) return !1;
	return !0;
}
function Tr(e, t, n) {
	let r = t || yr;
	return e.every(function(t, n) {
		if (n === 0) return !0;
		let i = r(e[n - 1], t);
		return !(i > 0 || i === 0);
	});
}
function Er() {
	return !0;
}
function Dr() {
	return !1;
}
function Or() {}
function kr(e) {
	let t, n, r;
	return function() {
		let i = Array.prototype.slice.call(arguments);
		return n && this === r && wr(i, n) || (r = this, n = i, t = e.apply(this, arguments)), t;
	};
}
function Ar(e) {
	function t() {
		let t;
		try {
			t = e();
		} catch (e) {
			return Promise.reject(e);
		}
		return t instanceof Promise ? t : Promise.resolve(t);
	}
	return t();
}
var jr = class {
	constructor(e) {
		this.propagationStopped, this.defaultPrevented, this.type = e, this.target = null;
	}
	preventDefault() {
		this.defaultPrevented = !0;
	}
	stopPropagation() {
		this.propagationStopped = !0;
	}
}, Mr = class extends _r {
	constructor(e) {
		super(), this.eventTarget_ = e, this.pendingRemovals_ = null, this.dispatching_ = null, this.listeners_ = null;
	}
	addEventListener(e, t) {
		if (!e || !t) return;
		let n = this.listeners_ ||= {}, r = n[e] || (n[e] = []);
		r.includes(t) || r.push(t);
	}
	dispatchEvent(e) {
		let t = typeof e == "string", n = t ? e : e.type, r = this.listeners_ && this.listeners_[n];
		if (!r) return;
		let i = t ? new jr(e) : e;
		i.target ||= this.eventTarget_ || this;
		let a = this.dispatching_ ||= {}, o = this.pendingRemovals_ ||= {};
		n in a || (a[n] = 0, o[n] = 0), ++a[n];
		let s;
		for (let e = 0, t = r.length; e < t; ++e) if (s = "handleEvent" in r[e] ? r[e].handleEvent(i) : r[e].call(this, i), s === !1 || i.propagationStopped) {
			s = !1;
			break;
		}
		if (--a[n] === 0) {
			let e = o[n];
			for (delete o[n]; e--;) this.removeEventListener(n, Or);
			delete a[n];
		}
		return s;
	}
	disposeInternal() {
		this.listeners_ && Pt(this.listeners_);
	}
	getListeners(e) {
		return this.listeners_ && this.listeners_[e] || void 0;
	}
	hasListener(e) {
		return this.listeners_ ? e ? e in this.listeners_ : Object.keys(this.listeners_).length > 0 : !1;
	}
	removeEventListener(e, t) {
		if (!this.listeners_) return;
		let n = this.listeners_[e];
		if (!n) return;
		let r = n.indexOf(t);
		r !== -1 && (this.pendingRemovals_ && e in this.pendingRemovals_ ? (n[r] = Or, ++this.pendingRemovals_[e]) : (n.splice(r, 1), n.length === 0 && delete this.listeners_[e]));
	}
};
function z(e, t, n, r, i) {
	if (i) {
		let i = n;
		n = function(a) {
			return e.removeEventListener(t, n), i.call(r ?? this, a);
		};
	} else r && r !== e && (n = n.bind(r));
	let a = {
		target: e,
		type: t,
		listener: n
	};
	return e.addEventListener(t, n), a;
}
function Nr(e, t, n, r) {
	return z(e, t, n, r, !0);
}
function B(e) {
	e && e.target && (e.target.removeEventListener(e.type, e.listener), Pt(e));
}
var Pr = class extends Mr {
	constructor() {
		super(), this.on = this.onInternal, this.once = this.onceInternal, this.un = this.unInternal, this.revision_ = 0;
	}
	changed() {
		++this.revision_, this.dispatchEvent(R.CHANGE);
	}
	getRevision() {
		return this.revision_;
	}
	onInternal(e, t) {
		if (Array.isArray(e)) {
			let n = e.length, r = Array(n);
			for (let i = 0; i < n; ++i) r[i] = z(this, e[i], t);
			return r;
		}
		return z(this, e, t);
	}
	onceInternal(e, t) {
		let n;
		if (Array.isArray(e)) {
			let r = e.length;
			n = Array(r);
			for (let i = 0; i < r; ++i) n[i] = Nr(this, e[i], t);
		} else n = Nr(this, e, t);
		return t.ol_key = n, n;
	}
	unInternal(e, t) {
		let n = t.ol_key;
		if (n) Fr(n);
		else if (Array.isArray(e)) for (let n = 0, r = e.length; n < r; ++n) this.removeEventListener(e[n], t);
		else this.removeEventListener(e, t);
	}
};
Pr.prototype.on, Pr.prototype.once, Pr.prototype.un;
function Fr(e) {
	if (Array.isArray(e)) for (let t = 0, n = e.length; t < n; ++t) B(e[t]);
	else B(e);
}
var Ir = class extends jr {
	constructor(e, t, n) {
		super(e), this.key = t, this.oldValue = n;
	}
}, Lr = class extends Pr {
	constructor(e) {
		super(), this.on, this.once, this.un, L(this), this.values_ = null, e !== void 0 && this.setProperties(e);
	}
	get(e) {
		let t;
		return this.values_ && this.values_.hasOwnProperty(e) && (t = this.values_[e]), t;
	}
	getKeys() {
		return this.values_ && Object.keys(this.values_) || [];
	}
	getProperties() {
		return this.values_ && Object.assign({}, this.values_) || {};
	}
	getPropertiesInternal() {
		return this.values_;
	}
	hasProperties() {
		return !!this.values_;
	}
	notify(e, t) {
		let n;
		n = `change:${e}`, this.hasListener(n) && this.dispatchEvent(new Ir(n, e, t)), n = gr.PROPERTYCHANGE, this.hasListener(n) && this.dispatchEvent(new Ir(n, e, t));
	}
	addChangeListener(e, t) {
		this.addEventListener(`change:${e}`, t);
	}
	removeChangeListener(e, t) {
		this.removeEventListener(`change:${e}`, t);
	}
	set(e, t, n) {
		let r = this.values_ ||= {};
		if (n) r[e] = t;
		else {
			let n = r[e];
			r[e] = t, n !== t && this.notify(e, n);
		}
	}
	setProperties(e, t) {
		for (let n in e) this.set(n, e[n], t);
	}
	applyProperties(e) {
		e.values_ && Object.assign(this.values_ ||= {}, e.values_);
	}
	unset(e, t) {
		if (this.values_ && e in this.values_) {
			let n = this.values_[e];
			delete this.values_[e], Ft(this.values_) && (this.values_ = null), t || this.notify(e, n);
		}
	}
};
function V(e, t) {
	if (!e) throw Error(t);
}
var Rr = [
	,
	,
	,
	,
	,
	,
];
function zr() {
	return [
		1,
		0,
		0,
		1,
		0,
		0
	];
}
function Br(e, t) {
	let n = e[0], r = e[1], i = e[2], a = e[3], o = e[4], s = e[5], c = t[0], l = t[1], u = t[2], d = t[3], f = t[4], p = t[5];
	return e[0] = n * c + i * l, e[1] = r * c + a * l, e[2] = n * u + i * d, e[3] = r * u + a * d, e[4] = n * f + i * p + o, e[5] = r * f + a * p + s, e;
}
function Vr(e, t, n, r, i, a, o) {
	return e[0] = t, e[1] = n, e[2] = r, e[3] = i, e[4] = a, e[5] = o, e;
}
function Hr(e, t) {
	return e[0] = t[0], e[1] = t[1], e[2] = t[2], e[3] = t[3], e[4] = t[4], e[5] = t[5], e;
}
function Ur(e, t) {
	let n = t[0], r = t[1];
	return t[0] = e[0] * n + e[2] * r + e[4], t[1] = e[1] * n + e[3] * r + e[5], t;
}
function Wr(e, t, n) {
	return Br(e, Vr(Rr, 1, 0, 0, 1, t, n));
}
function Gr(e, t, n, r, i, a, o, s) {
	let c = Math.sin(a), l = Math.cos(a);
	return e[0] = r * l, e[1] = i * c, e[2] = -r * c, e[3] = i * l, e[4] = o * r * l - s * r * c + t, e[5] = o * i * c + s * i * l + n, e;
}
function Kr(e, t) {
	let n = qr(t);
	V(n !== 0, "Transformation matrix cannot be inverted");
	let r = t[0], i = t[1], a = t[2], o = t[3], s = t[4], c = t[5];
	return e[0] = o / n, e[1] = -i / n, e[2] = -a / n, e[3] = r / n, e[4] = (a * c - o * s) / n, e[5] = -(r * c - i * s) / n, e;
}
function qr(e) {
	return e[0] * e[3] - e[1] * e[2];
}
var Jr = [
	1e5,
	1e5,
	1e5,
	1e5,
	2,
	2
];
function Yr(e) {
	return "matrix(" + e.join(", ") + ")";
}
function Xr(e) {
	return e.substring(7, e.length - 1).split(",").map(parseFloat);
}
function Zr(e, t) {
	let n = Xr(e), r = Xr(t);
	for (let e = 0; e < 6; ++e) if (Math.round((n[e] - r[e]) * Jr[e]) !== 0) return !1;
	return !0;
}
function Qr(e, t, n, r, i, a, o) {
	a ||= [], o ||= 2;
	let s = 0;
	for (let c = t; c < n; c += r) {
		let t = e[c], n = e[c + 1];
		a[s++] = i[0] * t + i[2] * n + i[4], a[s++] = i[1] * t + i[3] * n + i[5];
		for (let t = 2; t < o; t++) a[s++] = e[c + t];
	}
	return a && a.length != s && (a.length = s), a;
}
function $r(e, t, n, r, i, a, o) {
	o ||= [];
	let s = Math.cos(i), c = Math.sin(i), l = a[0], u = a[1], d = 0;
	for (let i = t; i < n; i += r) {
		let t = e[i] - l, n = e[i + 1] - u;
		o[d++] = l + t * s - n * c, o[d++] = u + t * c + n * s;
		for (let t = i + 2; t < i + r; ++t) o[d++] = e[t];
	}
	return o && o.length != d && (o.length = d), o;
}
function ei(e, t, n, r, i, a, o, s) {
	s ||= [];
	let c = o[0], l = o[1], u = 0;
	for (let o = t; o < n; o += r) {
		let t = e[o] - c, n = e[o + 1] - l;
		s[u++] = c + i * t, s[u++] = l + a * n;
		for (let t = o + 2; t < o + r; ++t) s[u++] = e[t];
	}
	return s && s.length != u && (s.length = u), s;
}
function ti(e, t, n, r, i, a, o) {
	o ||= [];
	let s = 0;
	for (let c = t; c < n; c += r) {
		o[s++] = e[c] + i, o[s++] = e[c + 1] + a;
		for (let t = c + 2; t < c + r; ++t) o[s++] = e[t];
	}
	return o && o.length != s && (o.length = s), o;
}
var ni = zr(), ri = [NaN, NaN], ii = class extends Lr {
	constructor() {
		super(), this.extent_ = ye(), this.extentRevision_ = -1, this.simplifiedGeometryMaxMinSquaredTolerance = 0, this.simplifiedGeometryRevision = 0, this.simplifyTransformedInternal = kr((e, t, n) => {
			if (!n) return this.getSimplifiedGeometry(t);
			let r = this.clone();
			return r.applyTransform(n), r.getSimplifiedGeometry(t);
		});
	}
	simplifyTransformed(e, t) {
		return this.simplifyTransformedInternal(this.getRevision(), e, t);
	}
	clone() {
		return I();
	}
	closestPointXY(e, t, n, r) {
		return I();
	}
	containsXY(e, t) {
		return this.closestPointXY(e, t, ri, Number.MIN_VALUE) === 0;
	}
	getClosestPoint(e, t) {
		return t ||= [NaN, NaN], this.closestPointXY(e[0], e[1], t, 1 / 0), t;
	}
	intersectsCoordinate(e) {
		return this.containsXY(e[0], e[1]);
	}
	computeExtent(e) {
		return I();
	}
	getExtent(e) {
		if (this.extentRevision_ != this.getRevision()) {
			let e = this.computeExtent(this.extent_);
			(isNaN(e[0]) || isNaN(e[1])) && xe(e), this.extentRevision_ = this.getRevision();
		}
		return Ue(this.extent_, e);
	}
	rotate(e, t) {
		I();
	}
	scale(e, t, n) {
		I();
	}
	simplify(e) {
		return this.getSimplifiedGeometry(e * e);
	}
	getSimplifiedGeometry(e) {
		return I();
	}
	getType() {
		return I();
	}
	applyTransform(e) {
		I();
	}
	intersectsExtent(e) {
		return I();
	}
	translate(e, t) {
		I();
	}
	transform(e, t) {
		let n = Dn(e), r = n.getUnits() == "tile-pixels" ? function(e, r, i) {
			let a = n.getExtent(), o = n.getWorldExtent(), s = Le(o) / Le(a);
			Gr(ni, o[0], o[3], s, -s, 0, 0, 0);
			let c = Qr(e, 0, e.length, i, ni, r), l = Rn(n, t);
			return l ? l(c, c, i) : c;
		} : Rn(n, t);
		return this.applyTransform(r), this;
	}
}, ai = class extends ii {
	constructor() {
		super(), this.layout = "XY", this.stride = 2, this.flatCoordinates;
	}
	computeExtent(e) {
		return Ce(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e);
	}
	getCoordinates() {
		return I();
	}
	getFirstCoordinate() {
		return this.flatCoordinates.slice(0, this.stride);
	}
	getFlatCoordinates() {
		return this.flatCoordinates;
	}
	getLastCoordinate() {
		return this.flatCoordinates.slice(this.flatCoordinates.length - this.stride);
	}
	getLayout() {
		return this.layout;
	}
	getSimplifiedGeometry(e) {
		if (this.simplifiedGeometryRevision !== this.getRevision() && (this.simplifiedGeometryMaxMinSquaredTolerance = 0, this.simplifiedGeometryRevision = this.getRevision()), e < 0 || this.simplifiedGeometryMaxMinSquaredTolerance !== 0 && e <= this.simplifiedGeometryMaxMinSquaredTolerance) return this;
		let t = this.getSimplifiedGeometryInternal(e);
		return t.getFlatCoordinates().length < this.flatCoordinates.length ? t : (this.simplifiedGeometryMaxMinSquaredTolerance = e, this);
	}
	getSimplifiedGeometryInternal(e) {
		return this;
	}
	getStride() {
		return this.stride;
	}
	setFlatCoordinates(e, t) {
		this.stride = si(e), this.layout = e, this.flatCoordinates = t;
	}
	setCoordinates(e, t) {
		I();
	}
	setLayout(e, t, n) {
		let r;
		if (e) r = si(e);
		else {
			for (let e = 0; e < n; ++e) {
				if (t.length === 0) {
					this.layout = "XY", this.stride = 2;
					return;
				}
				t = t[0];
			}
			r = t.length, e = oi(r);
		}
		this.layout = e, this.stride = r;
	}
	applyTransform(e) {
		this.flatCoordinates && (e(this.flatCoordinates, this.flatCoordinates, this.layout.startsWith("XYZ") ? 3 : 2, this.stride), this.changed());
	}
	rotate(e, t) {
		let n = this.getFlatCoordinates();
		if (n) {
			let r = this.getStride();
			$r(n, 0, n.length, r, e, t, n), this.changed();
		}
	}
	scale(e, t, n) {
		t === void 0 && (t = e), n ||= Ne(this.getExtent());
		let r = this.getFlatCoordinates();
		if (r) {
			let i = this.getStride();
			ei(r, 0, r.length, i, e, t, n, r), this.changed();
		}
	}
	translate(e, t) {
		let n = this.getFlatCoordinates();
		if (n) {
			let r = this.getStride();
			ti(n, 0, n.length, r, e, t, n), this.changed();
		}
	}
};
function oi(e) {
	let t;
	return e == 2 ? t = "XY" : e == 3 ? t = "XYZ" : e == 4 && (t = "XYZM"), t;
}
function si(e) {
	let t;
	return e == "XY" ? t = 2 : e == "XYZ" || e == "XYM" ? t = 3 : e == "XYZM" && (t = 4), t;
}
function ci(e, t, n) {
	let r = e.getFlatCoordinates();
	if (!r) return null;
	let i = e.getStride();
	return Qr(r, 0, r.length, i, t, n);
}
function li(e, t, n, r) {
	for (let r = 0, i = n.length; r < i; ++r) e[t++] = n[r];
	return t;
}
function ui(e, t, n, r) {
	for (let i = 0, a = n.length; i < a; ++i) {
		let a = n[i];
		for (let n = 0; n < r; ++n) e[t++] = a[n];
	}
	return t;
}
function di(e, t, n, r, i) {
	i ||= [];
	let a = 0;
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = ui(e, t, n[o], r);
		i[a++] = s, t = s;
	}
	return i.length = a, i;
}
function fi(e, t, n, r, i) {
	i ||= [];
	let a = 0;
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = di(e, t, n[o], r, i[a]);
		s.length === 0 && (s[0] = t), i[a++] = s, t = s[s.length - 1];
	}
	return i.length = a, i;
}
var pi = class e extends ii {
	constructor(e) {
		super(), this.geometries_ = e, this.changeEventsKeys_ = [], this.listenGeometriesChange_();
	}
	unlistenGeometriesChange_() {
		this.changeEventsKeys_.forEach(B), this.changeEventsKeys_.length = 0;
	}
	listenGeometriesChange_() {
		let e = this.geometries_;
		for (let t = 0, n = e.length; t < n; ++t) this.changeEventsKeys_.push(z(e[t], R.CHANGE, this.changed, this));
	}
	clone() {
		let t = new e(mi(this.geometries_));
		return t.applyProperties(this), t;
	}
	closestPointXY(e, t, n, r) {
		if (r < me(this.getExtent(), e, t)) return r;
		let i = this.geometries_;
		for (let a = 0, o = i.length; a < o; ++a) r = i[a].closestPointXY(e, t, n, r);
		return r;
	}
	containsXY(e, t) {
		let n = this.geometries_;
		for (let r = 0, i = n.length; r < i; ++r) if (n[r].containsXY(e, t)) return !0;
		return !1;
	}
	computeExtent(e) {
		xe(e);
		let t = this.geometries_;
		for (let n = 0, r = t.length; n < r; ++n) Te(e, t[n].getExtent());
		return e;
	}
	getGeometries() {
		return mi(this.geometries_);
	}
	getGeometriesArray() {
		return this.geometries_;
	}
	getGeometriesArrayRecursive() {
		let e = [], t = this.geometries_;
		for (let n = 0, r = t.length; n < r; ++n) t[n].getType() === this.getType() ? e = e.concat(t[n].getGeometriesArrayRecursive()) : e.push(t[n]);
		return e;
	}
	getSimplifiedGeometry(t) {
		if (this.simplifiedGeometryRevision !== this.getRevision() && (this.simplifiedGeometryMaxMinSquaredTolerance = 0, this.simplifiedGeometryRevision = this.getRevision()), t < 0 || this.simplifiedGeometryMaxMinSquaredTolerance !== 0 && t < this.simplifiedGeometryMaxMinSquaredTolerance) return this;
		let n = [], r = this.geometries_, i = !1;
		for (let e = 0, a = r.length; e < a; ++e) {
			let a = r[e], o = a.getSimplifiedGeometry(t);
			n.push(o), o !== a && (i = !0);
		}
		return i ? new e(n) : (this.simplifiedGeometryMaxMinSquaredTolerance = t, this);
	}
	getType() {
		return "GeometryCollection";
	}
	intersectsExtent(e) {
		let t = this.geometries_;
		for (let n = 0, r = t.length; n < r; ++n) if (t[n].intersectsExtent(e)) return !0;
		return !1;
	}
	isEmpty() {
		return this.geometries_.length === 0;
	}
	rotate(e, t) {
		let n = this.geometries_;
		for (let r = 0, i = n.length; r < i; ++r) n[r].rotate(e, t);
		this.changed();
	}
	scale(e, t, n) {
		n ||= Ne(this.getExtent());
		let r = this.geometries_;
		for (let i = 0, a = r.length; i < a; ++i) r[i].scale(e, t, n);
		this.changed();
	}
	setGeometries(e) {
		this.setGeometriesArray(mi(e));
	}
	setGeometriesArray(e) {
		this.unlistenGeometriesChange_(), this.geometries_ = e, this.listenGeometriesChange_(), this.changed();
	}
	applyTransform(e) {
		let t = this.geometries_;
		for (let n = 0, r = t.length; n < r; ++n) t[n].applyTransform(e);
		this.changed();
	}
	translate(e, t) {
		let n = this.geometries_;
		for (let r = 0, i = n.length; r < i; ++r) n[r].translate(e, t);
		this.changed();
	}
	disposeInternal() {
		this.unlistenGeometriesChange_(), super.disposeInternal();
	}
};
function mi(e) {
	return e.map((e) => e.clone());
}
function hi(e, t, n, r) {
	let i = 0, a = e[n - r], o = e[n - r + 1], s = 0, c = 0;
	for (; t < n; t += r) {
		let n = e[t] - a, r = e[t + 1] - o;
		i += c * n - s * r, s = n, c = r;
	}
	return i / 2;
}
function gi(e, t, n, r) {
	let i = 0;
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		i += hi(e, t, o, r), t = o;
	}
	return i;
}
function _i(e, t, n, r) {
	let i = 0;
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		i += gi(e, t, o, r), t = o[o.length - 1];
	}
	return i;
}
function vi(e, t, n, r, i, a, o) {
	let s = e[t], c = e[t + 1], l = e[n] - s, u = e[n + 1] - c, d;
	if (l === 0 && u === 0) d = t;
	else {
		let f = ((i - s) * l + (a - c) * u) / (l * l + u * u);
		if (f > 1) d = n;
		else if (f > 0) {
			for (let i = 0; i < r; ++i) o[i] = et(e[t + i], e[n + i], f);
			o.length = r;
			return;
		} else d = t;
	}
	for (let t = 0; t < r; ++t) o[t] = e[d + t];
	o.length = r;
}
function yi(e, t, n, r, i) {
	let a = e[t], o = e[t + 1];
	for (t += r; t < n; t += r) {
		let n = e[t], r = e[t + 1], s = Ye(a, o, n, r);
		s > i && (i = s), a = n, o = r;
	}
	return i;
}
function bi(e, t, n, r, i) {
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		i = yi(e, t, o, r, i), t = o;
	}
	return i;
}
function xi(e, t, n, r, i) {
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		i = bi(e, t, o, r, i), t = o[o.length - 1];
	}
	return i;
}
function Si(e, t, n, r, i, a, o, s, c, l, u) {
	if (t == n) return l;
	let d, f;
	if (i === 0) {
		if (f = Ye(o, s, e[t], e[t + 1]), f < l) {
			for (d = 0; d < r; ++d) c[d] = e[t + d];
			return c.length = r, f;
		}
		return l;
	}
	u ||= [NaN, NaN];
	let p = t + r;
	for (; p < n;) if (vi(e, p - r, p, r, o, s, u), f = Ye(o, s, u[0], u[1]), f < l) {
		for (l = f, d = 0; d < r; ++d) c[d] = u[d];
		c.length = r, p += r;
	} else p += r * Math.max((Math.sqrt(f) - Math.sqrt(l)) / i | 0, 1);
	if (a && (vi(e, n - r, t, r, o, s, u), f = Ye(o, s, u[0], u[1]), f < l)) {
		for (l = f, d = 0; d < r; ++d) c[d] = u[d];
		c.length = r;
	}
	return l;
}
function Ci(e, t, n, r, i, a, o, s, c, l, u) {
	u ||= [NaN, NaN];
	for (let d = 0, f = n.length; d < f; ++d) {
		let f = n[d];
		l = Si(e, t, f, r, i, a, o, s, c, l, u), t = f;
	}
	return l;
}
function wi(e, t, n, r, i, a, o, s, c, l, u) {
	u ||= [NaN, NaN];
	for (let d = 0, f = n.length; d < f; ++d) {
		let f = n[d];
		l = Ci(e, t, f, r, i, a, o, s, c, l, u), t = f[f.length - 1];
	}
	return l;
}
function Ti(e, t, n, r, i) {
	i = i === void 0 ? [] : i;
	let a = 0;
	for (let o = t; o < n; o += r) i[a++] = e.slice(o, o + r);
	return i.length = a, i;
}
function Ei(e, t, n, r, i) {
	i = i === void 0 ? [] : i;
	let a = 0;
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = n[o];
		i[a++] = Ti(e, t, s, r, i[a]), t = s;
	}
	return i.length = a, i;
}
function Di(e, t, n, r, i) {
	i = i === void 0 ? [] : i;
	let a = 0;
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = n[o];
		i[a++] = s.length === 1 && s[0] === t ? [] : Ei(e, t, s, r, i[a]), t = s[s.length - 1];
	}
	return i.length = a, i;
}
function Oi(e, t, n, r, i, a, o) {
	let s = (n - t) / r;
	if (s < 3) {
		for (; t < n; t += r) a[o++] = e[t], a[o++] = e[t + 1];
		return o;
	}
	let c = Array(s);
	c[0] = 1, c[s - 1] = 1;
	let l = [t, n - r], u = 0;
	for (; l.length > 0;) {
		let n = l.pop(), a = l.pop(), o = 0, s = e[a], d = e[a + 1], f = e[n], p = e[n + 1];
		for (let t = a + r; t < n; t += r) {
			let n = Je(e[t], e[t + 1], s, d, f, p);
			n > o && (u = t, o = n);
		}
		o > i && (c[(u - t) / r] = 1, a + r < u && l.push(a, u), u + r < n && l.push(u, n));
	}
	for (let n = 0; n < s; ++n) c[n] && (a[o++] = e[t + n * r], a[o++] = e[t + n * r + 1]);
	return o;
}
function ki(e, t, n, r, i, a, o, s) {
	for (let c = 0, l = n.length; c < l; ++c) {
		let l = n[c];
		o = Oi(e, t, l, r, i, a, o), s.push(o), t = l;
	}
	return o;
}
function Ai(e, t) {
	return t * Math.round(e / t);
}
function ji(e, t, n, r, i, a, o) {
	if (t == n) return o;
	let s = Ai(e[t], i), c = Ai(e[t + 1], i);
	t += r, a[o++] = s, a[o++] = c;
	let l, u;
	do
		if (l = Ai(e[t], i), u = Ai(e[t + 1], i), t += r, t == n) return a[o++] = l, a[o++] = u, o;
	while (l == s && u == c);
	for (; t < n;) {
		let n = Ai(e[t], i), d = Ai(e[t + 1], i);
		if (t += r, n == l && d == u) continue;
		let f = l - s, p = u - c, m = n - s, h = d - c;
		f * h == p * m && (f < 0 && m < f || f == m || f > 0 && m > f) && (p < 0 && h < p || p == h || p > 0 && h > p) ? (l = n, u = d) : (a[o++] = l, a[o++] = u, s = l, c = u, l = n, u = d);
	}
	return a[o++] = l, a[o++] = u, o;
}
function Mi(e, t, n, r, i, a, o, s) {
	for (let c = 0, l = n.length; c < l; ++c) {
		let l = n[c];
		o = ji(e, t, l, r, i, a, o), s.push(o), t = l;
	}
	return o;
}
function Ni(e, t, n, r, i, a, o, s) {
	for (let c = 0, l = n.length; c < l; ++c) {
		let l = n[c], u = [];
		o = Mi(e, t, l, r, i, a, o, u), s.push(u), t = l[l.length - 1];
	}
	return o;
}
var Pi = class e extends ai {
	constructor(e, t) {
		super(), this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, t !== void 0 && !Array.isArray(e[0]) ? this.setFlatCoordinates(t, e) : this.setCoordinates(e, t);
	}
	clone() {
		return new e(this.flatCoordinates.slice(), this.layout);
	}
	closestPointXY(e, t, n, r) {
		return r < me(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(yi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Si(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, this.maxDelta_, !0, e, t, n, r));
	}
	getArea() {
		return hi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
	}
	getCoordinates() {
		return Ti(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
	}
	getSimplifiedGeometryInternal(t) {
		let n = [];
		return n.length = Oi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, t, n, 0), new e(n, "XY");
	}
	getType() {
		return "LinearRing";
	}
	intersectsExtent(e) {
		return !1;
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 1), this.flatCoordinates ||= [], this.flatCoordinates.length = ui(this.flatCoordinates, 0, e, this.stride), this.changed();
	}
};
function Fi(e, t, n, r, i, a, o) {
	let s, c, l = (n - t) / r;
	if (l === 1) s = t;
	else if (l === 2) s = t, c = i;
	else if (l !== 0) {
		let a = e[t], o = e[t + 1], l = 0, u = [0];
		for (let i = t + r; i < n; i += r) {
			let t = e[i], n = e[i + 1];
			l += Math.sqrt((t - a) * (t - a) + (n - o) * (n - o)), u.push(l), a = t, o = n;
		}
		let d = i * l, f = vr(u, d);
		f < 0 ? (c = (d - u[-f - 2]) / (u[-f - 1] - u[-f - 2]), s = t + (-f - 2) * r) : s = t + f * r;
	}
	o = o > 1 ? o : 2, a ||= Array(o);
	for (let t = 0; t < o; ++t) a[t] = s === void 0 ? NaN : c === void 0 ? e[s + t] : et(e[s + t], e[s + r + t], c);
	return a;
}
function Ii(e, t, n, r, i, a) {
	if (n == t) return null;
	let o;
	if (i < e[t + r - 1]) return a ? (o = e.slice(t, t + r), o[r - 1] = i, o) : null;
	if (e[n - 1] < i) return a ? (o = e.slice(n - r, n), o[r - 1] = i, o) : null;
	if (i == e[t + r - 1]) return e.slice(t, t + r);
	let s = t / r, c = n / r;
	for (; s < c;) {
		let t = s + c >> 1;
		i < e[(t + 1) * r - 1] ? c = t : s = t + 1;
	}
	let l = e[s * r - 1];
	if (i == l) return e.slice((s - 1) * r, (s - 1) * r + r);
	let u = e[(s + 1) * r - 1], d = (i - l) / (u - l);
	o = [];
	for (let t = 0; t < r - 1; ++t) o.push(et(e[(s - 1) * r + t], e[s * r + t], d));
	return o.push(i), o;
}
function Li(e, t, n, r, i, a, o) {
	if (o) return Ii(e, t, n[n.length - 1], r, i, a);
	let s;
	if (i < e[r - 1]) return a ? (s = e.slice(0, r), s[r - 1] = i, s) : null;
	if (e[e.length - 1] < i) return a ? (s = e.slice(e.length - r), s[r - 1] = i, s) : null;
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		if (t != o) {
			if (i < e[t + r - 1]) return null;
			if (i <= e[o - 1]) return Ii(e, t, o, r, i, !1);
			t = o;
		}
	}
	return null;
}
function Ri(e, t, n, r, i) {
	return !ke(i, function(i) {
		return !zi(e, t, n, r, i[0], i[1]);
	});
}
function zi(e, t, n, r, i, a) {
	let o = 0, s = e[n - r], c = e[n - r + 1];
	for (; t < n; t += r) {
		let n = e[t], r = e[t + 1];
		c <= a ? r > a && (n - s) * (a - c) - (i - s) * (r - c) > 0 && o++ : r <= a && (n - s) * (a - c) - (i - s) * (r - c) < 0 && o--, s = n, c = r;
	}
	return o !== 0;
}
function Bi(e, t, n, r, i, a) {
	if (n.length === 0 || !zi(e, t, n[0], r, i, a)) return !1;
	for (let t = 1, o = n.length; t < o; ++t) if (zi(e, n[t - 1], n[t], r, i, a)) return !1;
	return !0;
}
function Vi(e, t, n, r, i, a) {
	if (n.length === 0) return !1;
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = n[o];
		if (Bi(e, t, s, r, i, a)) return !0;
		t = s[s.length - 1];
	}
	return !1;
}
function Hi(e, t, n, r, i) {
	let a;
	for (t += r; t < n; t += r) if (a = i(e.slice(t - r, t), e.slice(t, t + r)), a) return a;
	return !1;
}
function Ui(e, t, n, r, i, a) {
	return a ??= De(ye(), e, t, n, r), Ve(i, a) ? a[0] >= i[0] && a[2] <= i[2] || a[1] >= i[1] && a[3] <= i[3] || Hi(e, t, n, r, function(e, t) {
		return We(i, e, t);
	}) : !1;
}
function Wi(e, t, n, r, i) {
	for (let a = 0, o = n.length; a < o; ++a) {
		if (Ui(e, t, n[a], r, i)) return !0;
		t = n[a];
	}
	return !1;
}
function Gi(e, t, n, r, i) {
	return !!(Ui(e, t, n, r, i) || zi(e, t, n, r, i[0], i[1]) || zi(e, t, n, r, i[0], i[3]) || zi(e, t, n, r, i[2], i[1]) || zi(e, t, n, r, i[2], i[3]));
}
function Ki(e, t, n, r, i) {
	if (!Gi(e, t, n[0], r, i)) return !1;
	if (n.length === 1) return !0;
	for (let t = 1, a = n.length; t < a; ++t) if (Ri(e, n[t - 1], n[t], r, i) && !Ui(e, n[t - 1], n[t], r, i)) return !1;
	return !0;
}
function qi(e, t, n, r, i) {
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		if (Ki(e, t, o, r, i)) return !0;
		t = o[o.length - 1];
	}
	return !1;
}
function Ji(e, t, n, r) {
	let i = e[t], a = e[t + 1], o = 0;
	for (let s = t + r; s < n; s += r) {
		let t = e[s], n = e[s + 1];
		o += Math.sqrt((t - i) * (t - i) + (n - a) * (n - a)), i = t, a = n;
	}
	return o;
}
var Yi = class e extends ai {
	constructor(e, t) {
		super(), this.flatMidpoint_ = null, this.flatMidpointRevision_ = -1, this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, t !== void 0 && !Array.isArray(e[0]) ? this.setFlatCoordinates(t, e) : this.setCoordinates(e, t);
	}
	appendCoordinate(e) {
		Cr(this.flatCoordinates, e), this.changed();
	}
	clone() {
		let t = new e(this.flatCoordinates.slice(), this.layout);
		return t.applyProperties(this), t;
	}
	closestPointXY(e, t, n, r) {
		return r < me(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(yi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Si(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, this.maxDelta_, !1, e, t, n, r));
	}
	forEachSegment(e) {
		return Hi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e);
	}
	getCoordinateAtM(e, t) {
		return this.layout != "XYM" && this.layout != "XYZM" ? null : (t = t !== void 0 && t, Ii(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, t));
	}
	getCoordinates() {
		return Ti(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
	}
	getCoordinateAt(e, t) {
		return Fi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, t, this.stride);
	}
	getLength() {
		return Ji(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
	}
	getFlatMidpoint() {
		return this.flatMidpointRevision_ != this.getRevision() && (this.flatMidpoint_ = this.getCoordinateAt(.5, this.flatMidpoint_ ?? void 0), this.flatMidpointRevision_ = this.getRevision()), this.flatMidpoint_;
	}
	getSimplifiedGeometryInternal(t) {
		let n = [];
		return n.length = Oi(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, t, n, 0), new e(n, "XY");
	}
	getType() {
		return "LineString";
	}
	intersectsExtent(e) {
		return Ui(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride, e, this.getExtent());
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 1), this.flatCoordinates ||= [], this.flatCoordinates.length = ui(this.flatCoordinates, 0, e, this.stride), this.changed();
	}
}, Xi = class e extends ai {
	constructor(e, t, n) {
		if (super(), this.ends_ = [], this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, Array.isArray(e[0])) this.setCoordinates(e, t);
		else if (t !== void 0 && n) this.setFlatCoordinates(t, e), this.ends_ = n;
		else {
			let t = e, n = [], r = [];
			for (let e = 0, i = t.length; e < i; ++e) Cr(n, t[e].getFlatCoordinates()), r.push(n.length);
			let i = t.length === 0 ? this.getLayout() : t[0].getLayout();
			this.setFlatCoordinates(i, n), this.ends_ = r;
		}
	}
	appendLineString(e) {
		Cr(this.flatCoordinates, e.getFlatCoordinates().slice()), this.ends_.push(this.flatCoordinates.length), this.changed();
	}
	clone() {
		let t = new e(this.flatCoordinates.slice(), this.layout, this.ends_.slice());
		return t.applyProperties(this), t;
	}
	closestPointXY(e, t, n, r) {
		return r < me(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(bi(this.flatCoordinates, 0, this.ends_, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Ci(this.flatCoordinates, 0, this.ends_, this.stride, this.maxDelta_, !1, e, t, n, r));
	}
	getCoordinateAtM(e, t, n) {
		return this.layout != "XYM" && this.layout != "XYZM" || this.flatCoordinates.length === 0 ? null : (t = t !== void 0 && t, n = n !== void 0 && n, Li(this.flatCoordinates, 0, this.ends_, this.stride, e, t, n));
	}
	getCoordinates() {
		return Ei(this.flatCoordinates, 0, this.ends_, this.stride);
	}
	getEnds() {
		return this.ends_;
	}
	getLineString(e) {
		return e < 0 || this.ends_.length <= e ? null : new Yi(this.flatCoordinates.slice(e === 0 ? 0 : this.ends_[e - 1], this.ends_[e]), this.layout);
	}
	getLineStrings() {
		let e = this.flatCoordinates, t = this.ends_, n = this.layout, r = [], i = 0;
		for (let a = 0, o = t.length; a < o; ++a) {
			let o = t[a], s = new Yi(e.slice(i, o), n);
			r.push(s), i = o;
		}
		return r;
	}
	getLength() {
		let e = this.ends_, t = 0, n = 0;
		for (let r = 0, i = e.length; r < i; ++r) n += Ji(this.flatCoordinates, t, e[r], this.stride), t = e[r];
		return n;
	}
	getFlatMidpoints() {
		let e = [], t = this.flatCoordinates, n = 0, r = this.ends_, i = this.stride;
		for (let a = 0, o = r.length; a < o; ++a) {
			let o = r[a];
			Cr(e, Fi(t, n, o, i, .5)), n = o;
		}
		return e;
	}
	getSimplifiedGeometryInternal(t) {
		let n = [], r = [];
		return n.length = ki(this.flatCoordinates, 0, this.ends_, this.stride, t, n, 0, r), new e(n, "XY", r);
	}
	getType() {
		return "MultiLineString";
	}
	intersectsExtent(e) {
		return Wi(this.flatCoordinates, 0, this.ends_, this.stride, e);
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 2), this.flatCoordinates ||= [];
		let n = di(this.flatCoordinates, 0, e, this.stride, this.ends_);
		this.flatCoordinates.length = n.length === 0 ? 0 : n[n.length - 1], this.changed();
	}
}, Zi = class e extends ai {
	constructor(e, t) {
		super(), this.setCoordinates(e, t);
	}
	clone() {
		let t = new e(this.flatCoordinates.slice(), this.layout);
		return t.applyProperties(this), t;
	}
	closestPointXY(e, t, n, r) {
		let i = this.flatCoordinates, a = Ye(e, t, i[0], i[1]);
		if (a < r) {
			let e = this.stride;
			for (let t = 0; t < e; ++t) n[t] = i[t];
			return n.length = e, a;
		}
		return r;
	}
	getCoordinates() {
		return this.flatCoordinates.slice();
	}
	computeExtent(e) {
		return Se(this.flatCoordinates, e);
	}
	getType() {
		return "Point";
	}
	intersectsExtent(e) {
		return _e(e, this.flatCoordinates[0], this.flatCoordinates[1]);
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 0), this.flatCoordinates ||= [], this.flatCoordinates.length = li(this.flatCoordinates, 0, e, this.stride), this.changed();
	}
}, Qi = class e extends ai {
	constructor(e, t) {
		super(), t && !Array.isArray(e[0]) ? this.setFlatCoordinates(t, e) : this.setCoordinates(e, t);
	}
	appendPoint(e) {
		Cr(this.flatCoordinates, e.getFlatCoordinates()), this.changed();
	}
	clone() {
		let t = new e(this.flatCoordinates.slice(), this.layout);
		return t.applyProperties(this), t;
	}
	closestPointXY(e, t, n, r) {
		if (r < me(this.getExtent(), e, t)) return r;
		let i = this.flatCoordinates, a = this.stride;
		for (let o = 0, s = i.length; o < s; o += a) {
			let s = Ye(e, t, i[o], i[o + 1]);
			if (s < r) {
				r = s;
				for (let e = 0; e < a; ++e) n[e] = i[o + e];
				n.length = a;
			}
		}
		return r;
	}
	getCoordinates() {
		return Ti(this.flatCoordinates, 0, this.flatCoordinates.length, this.stride);
	}
	getPoint(e) {
		let t = this.flatCoordinates.length / this.stride;
		return e < 0 || t <= e ? null : new Zi(this.flatCoordinates.slice(e * this.stride, (e + 1) * this.stride), this.layout);
	}
	getPoints() {
		let e = this.flatCoordinates, t = this.layout, n = this.stride, r = [];
		for (let i = 0, a = e.length; i < a; i += n) {
			let a = new Zi(e.slice(i, i + n), t);
			r.push(a);
		}
		return r;
	}
	getType() {
		return "MultiPoint";
	}
	intersectsExtent(e) {
		let t = this.flatCoordinates, n = this.stride;
		for (let r = 0, i = t.length; r < i; r += n) if (_e(e, t[r], t[r + 1])) return !0;
		return !1;
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 1), this.flatCoordinates ||= [], this.flatCoordinates.length = ui(this.flatCoordinates, 0, e, this.stride), this.changed();
	}
};
function $i(e, t, n, r, i, a, o) {
	let s, c, l, u, d, f, p, m = i[a + 1], h = [];
	for (let i = 0, a = n.length; i < a; ++i) {
		let a = n[i];
		for (u = e[a - r], f = e[a - r + 1], s = t; s < a; s += r) d = e[s], p = e[s + 1], (m <= f && p <= m || f <= m && m <= p) && (l = (m - f) / (p - f) * (d - u) + u, h.push(l)), u = d, f = p;
	}
	let g = NaN, _ = -1 / 0;
	for (h.sort(yr), u = h[0], s = 1, c = h.length; s < c; ++s) {
		d = h[s];
		let i = Math.abs(d - u);
		i > _ && (l = (u + d) / 2, Bi(e, t, n, r, l, m) && (g = l, _ = i)), u = d;
	}
	return isNaN(g) && (g = i[a]), o ? (o.push(g, m, _), o) : [
		g,
		m,
		_
	];
}
function ea(e, t, n, r, i) {
	let a = [];
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = n[o];
		a = $i(e, t, s, r, i, 2 * o, a), t = s[s.length - 1];
	}
	return a;
}
function ta(e, t, n, r) {
	for (; t < n - r;) {
		for (let i = 0; i < r; ++i) {
			let a = e[t + i];
			e[t + i] = e[n - r + i], e[n - r + i] = a;
		}
		t += r, n -= r;
	}
}
function na(e, t, n, r) {
	let i = 0, a = e[n - r], o = e[n - r + 1];
	for (; t < n; t += r) {
		let n = e[t], r = e[t + 1];
		i += (n - a) * (r + o), a = n, o = r;
	}
	return i === 0 ? void 0 : i > 0;
}
function ra(e, t, n, r, i) {
	i = i !== void 0 && i;
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a], s = na(e, t, o, r);
		if (a === 0) {
			if (i && s || !i && !s) return !1;
		} else if (i && !s || !i && s) return !1;
		t = o;
	}
	return !0;
}
function ia(e, t, n, r, i) {
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a];
		if (!ra(e, t, o, r, i)) return !1;
		o.length && (t = o[o.length - 1]);
	}
	return !0;
}
function aa(e, t, n, r, i) {
	i = i !== void 0 && i;
	for (let a = 0, o = n.length; a < o; ++a) {
		let o = n[a], s = na(e, t, o, r);
		(a === 0 ? i && s || !i && !s : i && !s || !i && s) && ta(e, t, o, r), t = o;
	}
	return t;
}
function oa(e, t, n, r, i) {
	for (let a = 0, o = n.length; a < o; ++a) t = aa(e, t, n[a], r, i);
	return t;
}
function sa(e, t) {
	let n = [], r = 0, i = 0, a;
	for (let o = 0, s = t.length; o < s; ++o) {
		let s = t[o], c = na(e, r, s, 2);
		if (a === void 0 && (a = c), c === a) n.push(t.slice(i, o + 1));
		else {
			if (n.length === 0) continue;
			n[n.length - 1].push(t[i]);
		}
		i = o + 1, r = s;
	}
	return n;
}
var ca = class e extends ai {
	constructor(e, t, n) {
		super(), this.ends_ = [], this.flatInteriorPointRevision_ = -1, this.flatInteriorPoint_ = null, this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, this.orientedRevision_ = -1, this.orientedFlatCoordinates_ = null, t !== void 0 && n ? (this.setFlatCoordinates(t, e), this.ends_ = n) : this.setCoordinates(e, t);
	}
	appendLinearRing(e) {
		this.flatCoordinates ? Cr(this.flatCoordinates, e.getFlatCoordinates()) : this.flatCoordinates = e.getFlatCoordinates().slice(), this.ends_.push(this.flatCoordinates.length), this.changed();
	}
	clone() {
		let t = new e(this.flatCoordinates.slice(), this.layout, this.ends_.slice());
		return t.applyProperties(this), t;
	}
	closestPointXY(e, t, n, r) {
		return r < me(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(bi(this.flatCoordinates, 0, this.ends_, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), Ci(this.flatCoordinates, 0, this.ends_, this.stride, this.maxDelta_, !0, e, t, n, r));
	}
	containsXY(e, t) {
		return Bi(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride, e, t);
	}
	getArea() {
		return gi(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride);
	}
	getCoordinates(e) {
		let t;
		return e === void 0 ? t = this.flatCoordinates : (t = this.getOrientedFlatCoordinates().slice(), aa(t, 0, this.ends_, this.stride, e)), Ei(t, 0, this.ends_, this.stride);
	}
	getEnds() {
		return this.ends_;
	}
	getFlatInteriorPoint() {
		if (this.flatInteriorPointRevision_ != this.getRevision()) {
			let e = Ne(this.getExtent());
			this.flatInteriorPoint_ = $i(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride, e, 0), this.flatInteriorPointRevision_ = this.getRevision();
		}
		return this.flatInteriorPoint_;
	}
	getInteriorPoint() {
		return new Zi(this.getFlatInteriorPoint(), "XYM");
	}
	getLinearRingCount() {
		return this.ends_.length;
	}
	getLinearRing(e) {
		return e < 0 || this.ends_.length <= e ? null : new Pi(this.flatCoordinates.slice(e === 0 ? 0 : this.ends_[e - 1], this.ends_[e]), this.layout);
	}
	getLinearRings() {
		let e = this.layout, t = this.flatCoordinates, n = this.ends_, r = [], i = 0;
		for (let a = 0, o = n.length; a < o; ++a) {
			let o = n[a], s = new Pi(t.slice(i, o), e);
			r.push(s), i = o;
		}
		return r;
	}
	getOrientedFlatCoordinates() {
		if (this.orientedRevision_ != this.getRevision()) {
			let e = this.flatCoordinates;
			ra(e, 0, this.ends_, this.stride) ? this.orientedFlatCoordinates_ = e : (this.orientedFlatCoordinates_ = e.slice(), this.orientedFlatCoordinates_.length = aa(this.orientedFlatCoordinates_, 0, this.ends_, this.stride)), this.orientedRevision_ = this.getRevision();
		}
		return this.orientedFlatCoordinates_;
	}
	getSimplifiedGeometryInternal(t) {
		let n = [], r = [];
		return n.length = Mi(this.flatCoordinates, 0, this.ends_, this.stride, Math.sqrt(t), n, 0, r), new e(n, "XY", r);
	}
	getType() {
		return "Polygon";
	}
	intersectsExtent(e) {
		return Ki(this.getOrientedFlatCoordinates(), 0, this.ends_, this.stride, e);
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 2), this.flatCoordinates ||= [];
		let n = di(this.flatCoordinates, 0, e, this.stride, this.ends_);
		this.flatCoordinates.length = n.length === 0 ? 0 : n[n.length - 1], this.changed();
	}
};
function la(e) {
	if (He(e)) throw Error("Cannot create polygon from empty extent");
	let t = e[0], n = e[1], r = e[2], i = e[3], a = [
		t,
		n,
		t,
		i,
		r,
		i,
		r,
		n,
		t,
		n
	];
	return new ca(a, "XY", [a.length]);
}
function ua(e, t, n, r) {
	let i = [], a = ye();
	for (let o = 0, s = n.length; o < s; ++o) {
		let s = n[o];
		a = Ce(e, t, s[0], r), i.push((a[0] + a[2]) / 2, (a[1] + a[3]) / 2), t = s[s.length - 1];
	}
	return i;
}
var da = class e extends ai {
	constructor(e, t, n) {
		if (super(), this.endss_ = [], this.flatInteriorPointsRevision_ = -1, this.flatInteriorPoints_ = null, this.maxDelta_ = -1, this.maxDeltaRevision_ = -1, this.orientedRevision_ = -1, this.orientedFlatCoordinates_ = null, !n && !Array.isArray(e[0])) {
			let r = e, i = [], a = [];
			for (let e = 0, t = r.length; e < t; ++e) {
				let t = r[e], n = i.length, o = t.getEnds();
				for (let e = 0, t = o.length; e < t; ++e) o[e] += n;
				Cr(i, t.getFlatCoordinates()), a.push(o);
			}
			t = r.length === 0 ? this.getLayout() : r[0].getLayout(), e = i, n = a;
		}
		t !== void 0 && n ? (this.setFlatCoordinates(t, e), this.endss_ = n) : this.setCoordinates(e, t);
	}
	appendPolygon(e) {
		let t;
		if (!this.flatCoordinates) this.flatCoordinates = e.getFlatCoordinates().slice(), t = e.getEnds().slice(), this.endss_.push();
		else {
			let n = this.flatCoordinates.length;
			Cr(this.flatCoordinates, e.getFlatCoordinates()), t = e.getEnds().slice();
			for (let e = 0, r = t.length; e < r; ++e) t[e] += n;
		}
		this.endss_.push(t), this.changed();
	}
	clone() {
		let t = this.endss_.length, n = Array(t);
		for (let e = 0; e < t; ++e) n[e] = this.endss_[e].slice();
		let r = new e(this.flatCoordinates.slice(), this.layout, n);
		return r.applyProperties(this), r;
	}
	closestPointXY(e, t, n, r) {
		return r < me(this.getExtent(), e, t) ? r : (this.maxDeltaRevision_ != this.getRevision() && (this.maxDelta_ = Math.sqrt(xi(this.flatCoordinates, 0, this.endss_, this.stride, 0)), this.maxDeltaRevision_ = this.getRevision()), wi(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, this.maxDelta_, !0, e, t, n, r));
	}
	containsXY(e, t) {
		return Vi(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, e, t);
	}
	getArea() {
		return _i(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride);
	}
	getCoordinates(e) {
		let t;
		return e === void 0 ? t = this.flatCoordinates : (t = this.getOrientedFlatCoordinates().slice(), oa(t, 0, this.endss_, this.stride, e)), Di(t, 0, this.endss_, this.stride);
	}
	getEndss() {
		return this.endss_;
	}
	getFlatInteriorPoints() {
		if (this.flatInteriorPointsRevision_ != this.getRevision()) {
			let e = ua(this.flatCoordinates, 0, this.endss_, this.stride);
			this.flatInteriorPoints_ = ea(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, e), this.flatInteriorPointsRevision_ = this.getRevision();
		}
		return this.flatInteriorPoints_;
	}
	getInteriorPoints() {
		return new Qi(this.getFlatInteriorPoints().slice(), "XYM");
	}
	getOrientedFlatCoordinates() {
		if (this.orientedRevision_ != this.getRevision()) {
			let e = this.flatCoordinates;
			ia(e, 0, this.endss_, this.stride) ? this.orientedFlatCoordinates_ = e : (this.orientedFlatCoordinates_ = e.slice(), this.orientedFlatCoordinates_.length = oa(this.orientedFlatCoordinates_, 0, this.endss_, this.stride)), this.orientedRevision_ = this.getRevision();
		}
		return this.orientedFlatCoordinates_;
	}
	getSimplifiedGeometryInternal(t) {
		let n = [], r = [];
		return n.length = Ni(this.flatCoordinates, 0, this.endss_, this.stride, Math.sqrt(t), n, 0, r), new e(n, "XY", r);
	}
	getPolygon(e) {
		if (e < 0 || this.endss_.length <= e) return null;
		let t;
		if (e === 0) t = 0;
		else {
			let n = this.endss_[e - 1];
			t = n[n.length - 1];
		}
		let n = this.endss_[e].slice(), r = n[n.length - 1];
		if (t !== 0) for (let e = 0, r = n.length; e < r; ++e) n[e] -= t;
		return new ca(this.flatCoordinates.slice(t, r), this.layout, n);
	}
	getPolygons() {
		let e = this.layout, t = this.flatCoordinates, n = this.endss_, r = [], i = 0;
		for (let a = 0, o = n.length; a < o; ++a) {
			let o = n[a].slice(), s = o[o.length - 1];
			if (i !== 0) for (let e = 0, t = o.length; e < t; ++e) o[e] -= i;
			let c = new ca(t.slice(i, s), e, o);
			r.push(c), i = s;
		}
		return r;
	}
	getType() {
		return "MultiPolygon";
	}
	intersectsExtent(e) {
		return qi(this.getOrientedFlatCoordinates(), 0, this.endss_, this.stride, e);
	}
	setCoordinates(e, t) {
		this.setLayout(t, e, 3), this.flatCoordinates ||= [];
		let n = fi(this.flatCoordinates, 0, e, this.stride, this.endss_);
		if (n.length === 0) this.flatCoordinates.length = 0;
		else {
			let e = n[n.length - 1];
			this.flatCoordinates.length = e.length === 0 ? 0 : e[e.length - 1];
		}
		this.changed();
	}
}, H = {
	IDLE: 0,
	LOADING: 1,
	LOADED: 2,
	ERROR: 3
}, fa = typeof navigator < "u" && typeof navigator.userAgent < "u" ? navigator.userAgent.toLowerCase() : "", pa = fa.includes("safari") && !fa.includes("chrom") && (fa.includes("version/15.4") || /cpu (os|iphone os) 15_4 like mac os x/.test(fa)), ma = fa.includes("webkit") && !fa.includes("edge"), ha = fa.includes("macintosh"), ga = typeof devicePixelRatio < "u" ? devicePixelRatio : 1, _a = typeof WorkerGlobalScope < "u" && typeof OffscreenCanvas < "u" && self instanceof WorkerGlobalScope, va = typeof Image < "u" && Image.prototype.decode, ya = (function() {
	let e = !1;
	try {
		let t = Object.defineProperty({}, "passive", { get: function() {
			e = !0;
		} });
		window.addEventListener("_", null, t), window.removeEventListener("_", null, t);
	} catch {}
	return e;
})();
function ba(e, t, n, r) {
	let i;
	return i = n && n.length ? n.shift() : _a ? new class extends OffscreenCanvas {
		style = {};
	}(e ?? 300, t ?? 150) : document.createElement("canvas"), e && (i.width = e), t && (i.height = t), i.getContext("2d", r);
}
var xa;
function Sa() {
	return xa ||= ba(1, 1), xa;
}
function Ca(e) {
	let t = e.canvas;
	t.width = 1, t.height = 1, e.clearRect(0, 0, 1, 1);
}
function wa(e, t) {
	let n = t.parentNode;
	n && n.replaceChild(e, t);
}
function Ta(e) {
	for (; e.lastChild;) e.lastChild.remove();
}
function Ea(e, t) {
	let n = e.childNodes;
	for (let r = 0;; ++r) {
		let i = n[r], a = t[r];
		if (!i && !a) break;
		if (i !== a) {
			if (!i) {
				e.appendChild(a);
				continue;
			}
			if (!a) {
				e.removeChild(i), --r;
				continue;
			}
			e.insertBefore(a, i);
		}
	}
}
function Da() {
	return new Proxy({
		childNodes: [],
		appendChild: function(e) {
			return this.childNodes.push(e), e;
		},
		remove: function() {},
		removeChild: function(e) {
			let t = this.childNodes.indexOf(e);
			if (t === -1) throw Error("Node to remove was not found");
			return this.childNodes.splice(t, 1), e;
		},
		insertBefore: function(e, t) {
			let n = this.childNodes.indexOf(t);
			if (n === -1) throw Error("Reference node not found");
			return this.childNodes.splice(n, 0, e), e;
		},
		style: {}
	}, { get(e, t, n) {
		return t === "firstElementChild" ? e.childNodes.length > 0 ? e.childNodes[0] : null : Reflect.get(e, t, n);
	} });
}
function Oa(e) {
	return typeof HTMLCanvasElement < "u" && e instanceof HTMLCanvasElement || typeof OffscreenCanvas < "u" && e instanceof OffscreenCanvas;
}
var ka = [
	NaN,
	NaN,
	NaN,
	0
], Aa;
function ja() {
	return Aa ||= ba(1, 1, void 0, {
		willReadFrequently: !0,
		desynchronized: !0
	}), Aa;
}
var Ma = /^rgba?\(\s*(\d+%?)\s+(\d+%?)\s+(\d+%?)(?:\s*\/\s*(\d+%|\d*\.\d+|[01]))?\s*\)$/i, Na = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)(?:\s*,\s*(\d+%|\d*\.\d+|[01]))?\s*\)$/i, Pa = /^rgba?\(\s*(\d+%)\s*,\s*(\d+%)\s*,\s*(\d+%)(?:\s*,\s*(\d+%|\d*\.\d+|[01]))?\s*\)$/i, Fa = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;
function Ia(e, t) {
	return e.endsWith("%") ? Number(e.substring(0, e.length - 1)) / t : Number(e);
}
function La(e) {
	throw Error("failed to parse \"" + e + "\" as color");
}
function Ra(e) {
	if (e.toLowerCase().startsWith("rgb")) {
		let t = e.match(Na) || e.match(Ma) || e.match(Pa);
		if (t) {
			let e = t[4], n = 100 / 255;
			return [
				qe(Ia(t[1], n) + .5 | 0, 0, 255),
				qe(Ia(t[2], n) + .5 | 0, 0, 255),
				qe(Ia(t[3], n) + .5 | 0, 0, 255),
				e === void 0 ? 1 : qe(Ia(e, 100), 0, 1)
			];
		}
		La(e);
	}
	if (e.startsWith("#")) {
		if (Fa.test(e)) {
			let t = e.substring(1), n = t.length <= 4 ? 1 : 2, r = [
				0,
				0,
				0,
				255
			];
			for (let e = 0, i = t.length; e < i; e += n) {
				let i = parseInt(t.substring(e, e + n), 16);
				n === 1 && (i += i << 4), r[e / n] = i;
			}
			return r[3] /= 255, r;
		}
		La(e);
	}
	let t = ja();
	t.fillStyle = "#abcdef";
	let n = t.fillStyle;
	t.fillStyle = e, t.fillStyle === n && (t.fillStyle = "#fedcba", n = t.fillStyle, t.fillStyle = e, t.fillStyle === n && La(e));
	let r = t.fillStyle;
	if (r.startsWith("#") || r.startsWith("rgba")) return Ra(r);
	t.clearRect(0, 0, 1, 1), t.fillRect(0, 0, 1, 1);
	let i = Array.from(t.getImageData(0, 0, 1, 1).data);
	return i[3] = tt(i[3] / 255, 3), i;
}
function za(e) {
	return typeof e == "string" ? e : Qa(e);
}
var Ba = 1024, Va = {}, Ha = 0;
function Ua(e) {
	if (e.length === 4) return e;
	let t = e.slice();
	return t[3] = 1, t;
}
function Wa(e) {
	return e > .0031308 ? e ** (1 / 2.4) * 269.025 - 14.025 : e * 3294.6;
}
function Ga(e) {
	return e > .2068965 ? e ** 3 : (e - 4 / 29) * (108 / 841);
}
function Ka(e) {
	return e > 10.314724 ? ((e + 14.025) / 269.025) ** 2.4 : e / 3294.6;
}
function qa(e) {
	return e > .0088564 ? e ** (1 / 3) : e / (108 / 841) + 4 / 29;
}
function Ja(e) {
	let t = Ka(e[0]), n = Ka(e[1]), r = Ka(e[2]), i = qa(t * .222488403 + n * .716873169 + r * .06060791), a = 500 * (qa(t * .452247074 + n * .399439023 + r * .148375274) - i), o = 200 * (i - qa(t * .016863605 + n * .117638439 + r * .865350722)), s = 180 / Math.PI * Math.atan2(o, a);
	return [
		116 * i - 16,
		Math.sqrt(a * a + o * o),
		s < 0 ? s + 360 : s,
		e[3]
	];
}
function Ya(e) {
	let t = (e[0] + 16) / 116, n = e[1], r = e[2] * Math.PI / 180, i = Ga(t), a = Ga(t + n / 500 * Math.cos(r)), o = Ga(t - n / 200 * Math.sin(r)), s = Wa(a * 3.021973625 - i * 1.617392459 - o * .404875592), c = Wa(a * -.943766287 + i * 1.916279586 + o * .027607165), l = Wa(a * .069407491 - i * .22898585 + o * 1.159737864);
	return [
		qe(s + .5 | 0, 0, 255),
		qe(c + .5 | 0, 0, 255),
		qe(l + .5 | 0, 0, 255),
		e[3]
	];
}
function Xa(e) {
	if (e === "none") return ka;
	if (Va.hasOwnProperty(e)) return Va[e];
	if (Ha >= Ba) {
		let e = 0;
		for (let t in Va) !(e++ & 3) && (delete Va[t], --Ha);
	}
	let t = Ra(e);
	t.length !== 4 && La(e);
	for (let n of t) isNaN(n) && La(e);
	return Va[e] = t, ++Ha, t;
}
function Za(e) {
	return Array.isArray(e) ? e : Xa(e);
}
function Qa(e) {
	let t = e[0];
	t != (t | 0) && (t = t + .5 | 0);
	let n = e[1];
	n != (n | 0) && (n = n + .5 | 0);
	let r = e[2];
	r != (r | 0) && (r = r + .5 | 0);
	let i = e[3] === void 0 ? 1 : Math.round(e[3] * 1e3) / 1e3;
	return "rgba(" + t + "," + n + "," + r + "," + i + ")";
}
function $a(e, t, n) {
	let r = e, i = !0, a = !1, o = !1, s = [Nr(r, R.LOAD, function() {
		o = !0, a || t();
	})];
	return r.src && va ? (a = !0, r.decode().then(function() {
		i && t();
	}).catch(function(e) {
		i && (o ? t() : n());
	})) : s.push(Nr(r, R.ERROR, n)), function() {
		i = !1, s.forEach(B);
	};
}
function eo(e, t) {
	return new Promise((t, n) => {
		function r() {
			a(), t(e);
		}
		function i() {
			a(), n(/* @__PURE__ */ Error("Image load error"));
		}
		function a() {
			e.removeEventListener("load", r), e.removeEventListener("error", i);
		}
		e.addEventListener("load", r), e.addEventListener("error", i);
	});
}
function to(e, t) {
	return t && (e.src = t), e.src && va ? new Promise((t, n) => e.decode().then(() => t(e)).catch((r) => e.complete && e.width ? t(e) : n(r))) : eo(e);
}
var no = class {
	constructor() {
		this.cache_ = {}, this.patternCache_ = {}, this.cacheSize_ = 0, this.maxCacheSize_ = 1024;
	}
	clear() {
		this.cache_ = {}, this.patternCache_ = {}, this.cacheSize_ = 0;
	}
	canExpireCache() {
		return this.cacheSize_ > this.maxCacheSize_;
	}
	expire() {
		if (this.canExpireCache()) {
			let e = 0;
			for (let t in this.cache_) {
				let n = this.cache_[t];
				!(e++ & 3) && !n.hasListener() && (delete this.cache_[t], delete this.patternCache_[t], --this.cacheSize_);
			}
		}
	}
	get(e, t, n) {
		let r = ro(e, t, n);
		return r in this.cache_ ? this.cache_[r] : null;
	}
	getPattern(e, t, n) {
		let r = ro(e, t, n);
		return r in this.patternCache_ ? this.patternCache_[r] : null;
	}
	set(e, t, n, r, i) {
		let a = ro(e, t, n), o = a in this.cache_;
		this.cache_[a] = r, i && (r.getImageState() === H.IDLE && r.load(), r.getImageState() === H.LOADING ? r.ready().then(() => {
			this.patternCache_[a] = Sa().createPattern(r.getImage(1), "repeat");
		}) : this.patternCache_[a] = Sa().createPattern(r.getImage(1), "repeat")), o || ++this.cacheSize_;
	}
	setSize(e) {
		this.maxCacheSize_ = e, this.expire();
	}
};
function ro(e, t, n) {
	let r = n ? Za(n) : "null";
	return t + ":" + e + ":" + r;
}
var io = new no(), ao = null, oo = class extends Mr {
	constructor(e, t, n, r, i) {
		super(), this.hitDetectionImage_ = null, this.image_ = e, this.crossOrigin_ = n, this.canvas_ = {}, this.color_ = i, this.imageState_ = r === void 0 ? H.IDLE : r, this.size_ = e && e.width && e.height ? [e.width, e.height] : null, this.src_ = t, this.tainted_, this.ready_ = null;
	}
	initializeImage_() {
		this.image_ = new Image(), this.crossOrigin_ !== null && (this.image_.crossOrigin = this.crossOrigin_);
	}
	isTainted_() {
		if (this.tainted_ === void 0 && this.imageState_ === H.LOADED) {
			ao ||= ba(1, 1, void 0, { willReadFrequently: !0 }), ao.drawImage(this.image_, 0, 0);
			try {
				ao.getImageData(0, 0, 1, 1), this.tainted_ = !1;
			} catch {
				ao = null, this.tainted_ = !0;
			}
		}
		return this.tainted_ === !0;
	}
	dispatchChangeEvent_() {
		this.dispatchEvent(R.CHANGE);
	}
	handleImageError_() {
		this.imageState_ = H.ERROR, this.dispatchChangeEvent_();
	}
	handleImageLoad_() {
		this.imageState_ = H.LOADED, this.size_ = [this.image_.width, this.image_.height], this.dispatchChangeEvent_();
	}
	getImage(e) {
		return this.image_ || this.initializeImage_(), this.replaceColor_(e), this.canvas_[e] ? this.canvas_[e] : this.image_;
	}
	getPixelRatio(e) {
		return this.replaceColor_(e), this.canvas_[e] ? e : 1;
	}
	getImageState() {
		return this.imageState_;
	}
	getHitDetectionImage() {
		if (this.image_ || this.initializeImage_(), !this.hitDetectionImage_) {
			if (this.isTainted_()) {
				let e = this.size_[0], t = this.size_[1], n = ba(e, t);
				n.fillRect(0, 0, e, t), this.hitDetectionImage_ = n.canvas;
			} else this.hitDetectionImage_ = this.image_;
		}
		return this.hitDetectionImage_;
	}
	getSize() {
		return this.size_;
	}
	getSrc() {
		return this.src_;
	}
	load() {
		if (this.imageState_ === H.IDLE) {
			this.image_ || this.initializeImage_(), this.imageState_ = H.LOADING;
			try {
				this.src_ !== void 0 && (this.image_.src = this.src_);
			} catch {
				this.handleImageError_();
			}
			this.image_ instanceof HTMLImageElement && to(this.image_, this.src_).then((e) => {
				this.image_ = e, this.handleImageLoad_();
			}).catch(this.handleImageError_.bind(this));
		}
	}
	replaceColor_(e) {
		if (!this.color_ || this.canvas_[e] || this.imageState_ !== H.LOADED) return;
		let t = this.image_, n = ba(Math.ceil(t.width * e), Math.ceil(t.height * e)), r = n.canvas;
		n.scale(e, e), n.drawImage(t, 0, 0), n.globalCompositeOperation = "multiply", n.fillStyle = za(this.color_), n.fillRect(0, 0, r.width / e, r.height / e), n.globalCompositeOperation = "destination-in", n.drawImage(t, 0, 0), this.canvas_[e] = r;
	}
	ready() {
		return this.ready_ ||= new Promise((e) => {
			if (this.imageState_ === H.LOADED || this.imageState_ === H.ERROR) e();
			else {
				let t = () => {
					(this.imageState_ === H.LOADED || this.imageState_ === H.ERROR) && (this.removeEventListener(R.CHANGE, t), e());
				};
				this.addEventListener(R.CHANGE, t);
			}
		}), this.ready_;
	}
};
function so(e, t, n, r, i, a) {
	let o = t === void 0 ? void 0 : io.get(t, n, i);
	return o || (o = new oo(e, e && "src" in e ? e.src || void 0 : t, n, r, i), io.set(t, n, i, o, a)), a && o && !io.getPattern(t, n, i) && io.set(t, n, i, o, a), o;
}
function co(e) {
	return e ? Array.isArray(e) ? Qa(e) : typeof e == "object" && "src" in e ? lo(e) : e : null;
}
function lo(e) {
	if (!e.offset || !e.size) return io.getPattern(e.src, "anonymous", e.color);
	let t = e.src + ":" + e.offset, n = io.getPattern(t, void 0, e.color);
	if (n) return n;
	let r = io.get(e.src, "anonymous", null);
	if (r.getImageState() !== H.LOADED) return null;
	let i = ba(e.size[0], e.size[1]);
	return i.drawImage(r.getImage(1), e.offset[0], e.offset[1], e.size[0], e.size[1], 0, 0, e.size[0], e.size[1]), so(i.canvas, t, void 0, H.LOADED, e.color, !0), io.getPattern(t, void 0, e.color);
}
var uo = "ol-hidden", fo = "ol-collapsed", po = /* @__PURE__ */ RegExp("^\\s*(?=(?:(?:[-a-z]+\\s*){0,2}(italic|oblique))?)(?=(?:(?:[-a-z]+\\s*){0,2}(small-caps))?)(?=(?:(?:[-a-z]+\\s*){0,2}(bold(?:er)?|lighter|[1-9]00 ))?)(?:(?:normal|\\1|\\2|\\3)\\s*){0,3}((?:xx?-)?(?:small|large)|medium|smaller|larger|[\\.\\d]+(?:\\%|in|[cem]m|ex|p[ctx]))(?:\\s*\\/\\s*(normal|[\\.\\d]+(?:\\%|in|[cem]m|ex|p[ctx])?))?\\s*([-,\\\"\\'\\sa-z0-9]+?)\\s*$", "i"), mo = [
	"style",
	"variant",
	"weight",
	"size",
	"lineHeight",
	"family"
], ho = {
	normal: 400,
	bold: 700
}, go = function(e) {
	let t = e.match(po);
	if (!t) return null;
	let n = {
		lineHeight: "normal",
		size: "1.2em",
		style: "normal",
		weight: "400",
		variant: "normal"
	};
	for (let e = 0, r = mo.length; e < r; ++e) {
		let r = t[e + 1];
		r !== void 0 && (n[mo[e]] = typeof r == "string" ? r.trim() : r);
	}
	return isNaN(Number(n.weight)) && n.weight in ho && (n.weight = ho[n.weight]), n.families = n.family.split(/,\s?/).map((e) => e.trim().replace(/^['"]|['"]$/g, "")), n;
}, _o = "10px sans-serif", vo = "#000", yo = "round", bo = [], xo = 0, So = "round", Co = 10, wo = "#000", To = "center", Eo = "middle", Do = [
	0,
	0,
	0,
	0
], Oo = 1, ko = new Lr(), Ao = null, jo, Mo = {}, No = /* @__PURE__ */ new Set([
	"serif",
	"sans-serif",
	"monospace",
	"cursive",
	"fantasy",
	"system-ui",
	"ui-serif",
	"ui-sans-serif",
	"ui-monospace",
	"ui-rounded",
	"emoji",
	"math",
	"fangsong"
]);
function Po(e, t, n) {
	return `${e} ${t} 16px "${n}"`;
}
var Fo = /* @__PURE__ */ (function() {
	let e, t;
	async function n(e) {
		await t.ready;
		let n = await t.load(e);
		if (n.length === 0) return !1;
		let r = go(e), i = r.families[0].toLowerCase(), a = r.weight;
		return n.some((e) => {
			let t = e.family.replace(/^['"]|['"]$/g, "").toLowerCase(), n = ho[e.weight] || e.weight;
			return t === i && e.style === r.style && n == a;
		});
	}
	async function r() {
		await t.ready;
		let i = !0, a = ko.getProperties(), o = Object.keys(a).filter((e) => a[e] < 100);
		for (let e = o.length - 1; e >= 0; --e) {
			let t = o[e], r = a[t];
			r < 100 && (await n(t) ? (Pt(Mo), ko.set(t, 100)) : (r += 10, ko.set(t, r, !0), r < 100 && (i = !1)));
		}
		e = void 0, i || (e = setTimeout(r, 100));
	}
	return async function(n) {
		t ||= _a ? self.fonts : document.fonts;
		let i = go(n);
		if (!i) return;
		let a = i.families, o = !1;
		for (let e of a) {
			if (No.has(e)) continue;
			let t = Po(i.style, i.weight, e);
			ko.get(t) === void 0 && (ko.set(t, 0, !0), o = !0);
		}
		o && (clearTimeout(e), e = setTimeout(r, 100));
	};
})(), Io = /* @__PURE__ */ (function() {
	let e;
	return function(t) {
		let n = Mo[t];
		if (n == null) {
			if (_a) {
				let e = go(t), r = Lo(t, "Žg");
				n = (isNaN(Number(e.lineHeight)) ? 1.2 : Number(e.lineHeight)) * (r.actualBoundingBoxAscent + r.actualBoundingBoxDescent);
			} else e || (e = document.createElement("div"), e.innerHTML = "M", e.style.minHeight = "0", e.style.maxHeight = "none", e.style.height = "auto", e.style.padding = "0", e.style.border = "none", e.style.position = "absolute", e.style.display = "block", e.style.left = "-99999px"), e.style.font = t, document.body.appendChild(e), n = e.offsetHeight, document.body.removeChild(e);
			Mo[t] = n;
		}
		return n;
	};
})();
function Lo(e, t) {
	return Ao ||= ba(1, 1), e != jo && (Ao.font = e, jo = Ao.font), Ao.measureText(t);
}
function Ro(e, t) {
	return Lo(e, t).width;
}
function zo(e, t, n) {
	if (t in n) return n[t];
	let r = t.split("\n").reduce((t, n) => Math.max(t, Ro(e, n)), 0);
	return n[t] = r, r;
}
function Bo(e, t) {
	let n = [], r = [], i = [], a = 0, o = 0, s = 0, c = 0;
	for (let l = 0, u = t.length; l <= u; l += 2) {
		let d = t[l];
		if (d === "\n" || l === u) {
			a = Math.max(a, o), i.push(o), o = 0, s += c, c = 0;
			continue;
		}
		let f = t[l + 1] || e.font, p = Ro(f, d);
		n.push(p), o += p;
		let m = Io(f);
		r.push(m), c = Math.max(c, m);
	}
	return {
		width: a,
		height: s,
		widths: n,
		heights: r,
		lineWidths: i
	};
}
function Vo(e, t, n, r, i, a, o, s, c, l, u) {
	e.save(), n !== 1 && (e.globalAlpha === void 0 ? e.globalAlpha = (e) => e.globalAlpha *= n : e.globalAlpha *= n), t && e.transform.apply(e, t), r.contextInstructions ? (e.translate(c, l), e.scale(u[0], u[1]), Ho(r, e)) : u[0] < 0 || u[1] < 0 ? (e.translate(c, l), e.scale(u[0], u[1]), e.drawImage(r, i, a, o, s, 0, 0, o, s)) : e.drawImage(r, i, a, o, s, c, l, o * u[0], s * u[1]), e.restore();
}
function Ho(e, t) {
	let n = e.contextInstructions;
	for (let e = 0, r = n.length; e < r; e += 2) Array.isArray(n[e + 1]) ? t[n[e]].apply(t, n[e + 1]) : t[n[e]] = n[e + 1];
}
function Uo(e) {
	return e[0] > 0 && e[1] > 0;
}
function Wo(e, t, n) {
	return n === void 0 && (n = [0, 0]), n[0] = e[0] * t + .5 | 0, n[1] = e[1] * t + .5 | 0, n;
}
function Go(e, t) {
	return Array.isArray(e) ? e : (t === void 0 ? t = [e, e] : (t[0] = e, t[1] = e), t);
}
var Ko = class e {
	constructor(e) {
		this.opacity_ = e.opacity, this.rotateWithView_ = e.rotateWithView, this.rotation_ = e.rotation, this.scale_ = e.scale, this.scaleArray_ = Go(e.scale), this.displacement_ = e.displacement, this.declutterMode_ = e.declutterMode;
	}
	clone() {
		let t = this.getScale();
		return new e({
			opacity: this.getOpacity(),
			scale: Array.isArray(t) ? t.slice() : t,
			rotation: this.getRotation(),
			rotateWithView: this.getRotateWithView(),
			displacement: this.getDisplacement().slice(),
			declutterMode: this.getDeclutterMode()
		});
	}
	getOpacity() {
		return this.opacity_;
	}
	getRotateWithView() {
		return this.rotateWithView_;
	}
	getRotation() {
		return this.rotation_;
	}
	getScale() {
		return this.scale_;
	}
	getScaleArray() {
		return this.scaleArray_;
	}
	getDisplacement() {
		return this.displacement_;
	}
	getDeclutterMode() {
		return this.declutterMode_;
	}
	getAnchor() {
		return I();
	}
	getImage(e) {
		return I();
	}
	getHitDetectionImage() {
		return I();
	}
	getPixelRatio(e) {
		return 1;
	}
	getImageState() {
		return I();
	}
	getImageSize() {
		return I();
	}
	getOrigin() {
		return I();
	}
	getSize() {
		return I();
	}
	setDisplacement(e) {
		this.displacement_ = e;
	}
	setOpacity(e) {
		this.opacity_ = e;
	}
	setRotateWithView(e) {
		this.rotateWithView_ = e;
	}
	setRotation(e) {
		this.rotation_ = e;
	}
	setScale(e) {
		this.scale_ = e, this.scaleArray_ = Go(e);
	}
	listenImageChange(e) {
		I();
	}
	load() {
		I();
	}
	unlistenImageChange(e) {
		I();
	}
	ready() {
		return Promise.resolve();
	}
}, qo = class e extends Ko {
	constructor(e) {
		super({
			opacity: 1,
			rotateWithView: e.rotateWithView !== void 0 && e.rotateWithView,
			rotation: e.rotation === void 0 ? 0 : e.rotation,
			scale: e.scale === void 0 ? 1 : e.scale,
			displacement: e.displacement === void 0 ? [0, 0] : e.displacement,
			declutterMode: e.declutterMode
		}), this.hitDetectionCanvas_ = null, this.fill_ = e.fill === void 0 ? null : e.fill, this.origin_ = [0, 0], this.points_ = e.points, this.radius = e.radius, this.radius2_ = e.radius2, this.angle_ = e.angle === void 0 ? 0 : e.angle, this.stroke_ = e.stroke === void 0 ? null : e.stroke, this.size_, this.renderOptions_, this.imageState_ = this.fill_ && this.fill_.loading() ? H.LOADING : H.LOADED, this.imageState_ === H.LOADING && this.ready().then(() => this.imageState_ = H.LOADED), this.render();
	}
	clone() {
		let t = this.getScale(), n = new e({
			fill: this.getFill() ? this.getFill().clone() : void 0,
			points: this.getPoints(),
			radius: this.getRadius(),
			radius2: this.getRadius2(),
			angle: this.getAngle(),
			stroke: this.getStroke() ? this.getStroke().clone() : void 0,
			rotation: this.getRotation(),
			rotateWithView: this.getRotateWithView(),
			scale: Array.isArray(t) ? t.slice() : t,
			displacement: this.getDisplacement().slice(),
			declutterMode: this.getDeclutterMode()
		});
		return n.setOpacity(this.getOpacity()), n;
	}
	getAnchor() {
		let e = this.size_, t = this.getDisplacement(), n = this.getScaleArray();
		return [e[0] / 2 - t[0] / n[0], e[1] / 2 + t[1] / n[1]];
	}
	getAngle() {
		return this.angle_;
	}
	getFill() {
		return this.fill_;
	}
	setFill(e) {
		this.fill_ = e, this.render();
	}
	getHitDetectionImage() {
		return this.hitDetectionCanvas_ ||= this.createHitDetectionCanvas_(this.renderOptions_), this.hitDetectionCanvas_;
	}
	getImage(e) {
		let t = this.fill_?.getKey(), n = `${e},${this.angle_},${this.radius},${this.radius2_},${this.points_},${t}` + Object.values(this.renderOptions_).join(","), r = io.get(n, null, null)?.getImage(1);
		if (!r) {
			let t = this.renderOptions_, i = Math.ceil(t.size * e), a = ba(i, i);
			this.draw_(t, a, e), r = a.canvas, io.set(n, null, null, new oo(r, void 0, null, H.LOADED, null));
		}
		return r;
	}
	getPixelRatio(e) {
		return e;
	}
	getImageSize() {
		return this.size_;
	}
	getImageState() {
		return this.imageState_;
	}
	getOrigin() {
		return this.origin_;
	}
	getPoints() {
		return this.points_;
	}
	getRadius() {
		return this.radius;
	}
	getRadius2() {
		return this.radius2_;
	}
	getSize() {
		return this.size_;
	}
	getStroke() {
		return this.stroke_;
	}
	setStroke(e) {
		this.stroke_ = e, this.render();
	}
	listenImageChange(e) {}
	load() {}
	unlistenImageChange(e) {}
	calculateLineJoinSize_(e, t, n) {
		if (t === 0 || this.points_ === 1 / 0 || e !== "bevel" && e !== "miter") return t;
		let r = this.radius, i = this.radius2_ === void 0 ? r : this.radius2_;
		if (r < i) {
			let e = r;
			r = i, i = e;
		}
		let a = this.radius2_ === void 0 ? this.points_ : this.points_ * 2, o = 2 * Math.PI / a, s = i * Math.sin(o), c = Math.sqrt(i * i - s * s), l = r - c, u = Math.sqrt(s * s + l * l), d = u / s;
		if (e === "miter" && d <= n) return d * t;
		let f = t / 2 / d, p = t / 2 * (l / u), m = Math.sqrt((r + f) * (r + f) + p * p) - r;
		if (this.radius2_ === void 0 || e === "bevel") return m * 2;
		let h = r * Math.sin(o), g = Math.sqrt(r * r - h * h), _ = i - g, v = Math.sqrt(h * h + _ * _) / h;
		if (v <= n) {
			let e = v * t / 2 - i - r;
			return 2 * Math.max(m, e);
		}
		return m * 2;
	}
	createRenderOptions() {
		let e = yo, t = So, n = 0, r = null, i = 0, a, o = 0;
		this.stroke_ && (a = co(this.stroke_.getColor() ?? wo), o = this.stroke_.getWidth() ?? Oo, r = this.stroke_.getLineDash(), i = this.stroke_.getLineDashOffset() ?? 0, t = this.stroke_.getLineJoin() ?? So, e = this.stroke_.getLineCap() ?? yo, n = this.stroke_.getMiterLimit() ?? Co);
		let s = this.calculateLineJoinSize_(t, o, n), c = Math.max(this.radius, this.radius2_ || 0), l = Math.ceil(2 * c + s);
		return {
			strokeStyle: a,
			strokeWidth: o,
			size: l,
			lineCap: e,
			lineDash: r,
			lineDashOffset: i,
			lineJoin: t,
			miterLimit: n
		};
	}
	render() {
		this.renderOptions_ = this.createRenderOptions();
		let e = this.renderOptions_.size;
		this.hitDetectionCanvas_ = null, this.size_ = [e, e];
	}
	draw_(e, t, n) {
		if (t.scale(n, n), t.translate(e.size / 2, e.size / 2), this.createPath_(t), this.fill_) {
			let e = this.fill_.getColor();
			e === null && (e = vo), t.fillStyle = co(e), t.fill();
		}
		e.strokeStyle && (t.strokeStyle = e.strokeStyle, t.lineWidth = e.strokeWidth, e.lineDash && (t.setLineDash(e.lineDash), t.lineDashOffset = e.lineDashOffset), t.lineCap = e.lineCap, t.lineJoin = e.lineJoin, t.miterLimit = e.miterLimit, t.stroke());
	}
	createHitDetectionCanvas_(e) {
		let t;
		if (this.fill_) {
			let n = this.fill_.getColor(), r = 0;
			typeof n == "string" && (n = Za(n)), n === null ? r = 1 : Array.isArray(n) && (r = n.length === 4 ? n[3] : 1), r === 0 && (t = ba(e.size, e.size), this.drawHitDetectionCanvas_(e, t));
		}
		return t ? t.canvas : this.getImage(1);
	}
	createPath_(e) {
		let t = this.points_, n = this.radius;
		if (t === 1 / 0) e.arc(0, 0, n, 0, 2 * Math.PI);
		else {
			let r = this.radius2_ === void 0 ? n : this.radius2_;
			this.radius2_ !== void 0 && (t *= 2);
			let i = this.angle_ - Math.PI / 2, a = 2 * Math.PI / t;
			for (let o = 0; o < t; o++) {
				let t = i + o * a, s = o % 2 == 0 ? n : r;
				e.lineTo(s * Math.cos(t), s * Math.sin(t));
			}
			e.closePath();
		}
	}
	drawHitDetectionCanvas_(e, t) {
		t.translate(e.size / 2, e.size / 2), this.createPath_(t), t.fillStyle = vo, t.fill(), e.strokeStyle && (t.strokeStyle = e.strokeStyle, t.lineWidth = e.strokeWidth, e.lineDash && (t.setLineDash(e.lineDash), t.lineDashOffset = e.lineDashOffset), t.lineJoin = e.lineJoin, t.miterLimit = e.miterLimit, t.stroke());
	}
	ready() {
		return this.fill_ ? this.fill_.ready() : Promise.resolve();
	}
}, Jo = class e extends qo {
	constructor(e) {
		e ||= { radius: 5 }, super({
			points: 1 / 0,
			fill: e.fill,
			radius: e.radius,
			stroke: e.stroke,
			scale: e.scale === void 0 ? 1 : e.scale,
			rotation: e.rotation === void 0 ? 0 : e.rotation,
			rotateWithView: e.rotateWithView !== void 0 && e.rotateWithView,
			displacement: e.displacement === void 0 ? [0, 0] : e.displacement,
			declutterMode: e.declutterMode
		});
	}
	clone() {
		let t = this.getScale(), n = new e({
			fill: this.getFill() ? this.getFill().clone() : void 0,
			stroke: this.getStroke() ? this.getStroke().clone() : void 0,
			radius: this.getRadius(),
			scale: Array.isArray(t) ? t.slice() : t,
			rotation: this.getRotation(),
			rotateWithView: this.getRotateWithView(),
			displacement: this.getDisplacement().slice(),
			declutterMode: this.getDeclutterMode()
		});
		return n.setOpacity(this.getOpacity()), n;
	}
	setRadius(e) {
		this.radius = e, this.render();
	}
}, Yo = class e {
	constructor(e) {
		e ||= {}, this.patternImage_ = null, this.color_ = null, e.color !== void 0 && this.setColor(e.color);
	}
	clone() {
		let t = this.getColor();
		return new e({ color: Array.isArray(t) ? t.slice() : t || void 0 });
	}
	getColor() {
		return this.color_;
	}
	setColor(e) {
		if (typeof e == "object" && e && "src" in e) {
			let t = so(null, e.src, "anonymous", void 0, e.offset ? null : e.color ? e.color : null, !(e.offset && e.size));
			t.ready().then(() => {
				this.patternImage_ = null;
			}), t.getImageState() === H.IDLE && t.load(), t.getImageState() === H.LOADING && (this.patternImage_ = t);
		}
		this.color_ = e;
	}
	getKey() {
		let e = this.getColor();
		return e ? e instanceof CanvasPattern || e instanceof CanvasGradient ? L(e) : typeof e == "object" && "src" in e ? e.src + ":" + e.offset : Za(e).toString() : "";
	}
	loading() {
		return !!this.patternImage_;
	}
	ready() {
		return this.patternImage_ ? this.patternImage_.ready() : Promise.resolve();
	}
};
function Xo(e, t, n, r) {
	return n !== void 0 && r !== void 0 ? [n / e, r / t] : n === void 0 ? r === void 0 ? 1 : r / t : n / e;
}
var Zo = class e extends Ko {
	constructor(e) {
		e ||= {};
		let t = e.opacity === void 0 ? 1 : e.opacity, n = e.rotation === void 0 ? 0 : e.rotation, r = e.scale === void 0 ? 1 : e.scale, i = e.rotateWithView !== void 0 && e.rotateWithView;
		super({
			opacity: t,
			rotation: n,
			scale: r,
			displacement: e.displacement === void 0 ? [0, 0] : e.displacement,
			rotateWithView: i,
			declutterMode: e.declutterMode
		}), this.anchor_ = e.anchor === void 0 ? [.5, .5] : e.anchor, this.normalizedAnchor_ = null, this.anchorOrigin_ = e.anchorOrigin === void 0 ? "top-left" : e.anchorOrigin, this.anchorXUnits_ = e.anchorXUnits === void 0 ? "fraction" : e.anchorXUnits, this.anchorYUnits_ = e.anchorYUnits === void 0 ? "fraction" : e.anchorYUnits, this.crossOrigin_ = e.crossOrigin === void 0 ? null : e.crossOrigin;
		let a = e.img === void 0 ? null : e.img, o = e.src;
		V(!(o !== void 0 && a), "`image` and `src` cannot be provided at the same time"), (o === void 0 || o.length === 0) && a && (o = a.src || L(a)), V(o !== void 0 && o.length > 0, "A defined and non-empty `src` or `image` must be provided"), V(e.width === void 0 && e.height === void 0 || e.scale === void 0, "`width` or `height` cannot be provided together with `scale`");
		let s;
		if (e.src === void 0 ? a !== void 0 && (s = "complete" in a ? a.complete ? a.src ? H.LOADED : H.IDLE : H.LOADING : H.LOADED) : s = H.IDLE, this.color_ = e.color === void 0 ? null : Za(e.color), this.iconImage_ = so(a, o, this.crossOrigin_, s, this.color_), this.offset_ = e.offset === void 0 ? [0, 0] : e.offset, this.offsetOrigin_ = e.offsetOrigin === void 0 ? "top-left" : e.offsetOrigin, this.origin_ = null, this.size_ = e.size === void 0 ? null : e.size, this.initialOptions_, e.width !== void 0 || e.height !== void 0) {
			let t, n;
			if (e.size) [t, n] = e.size;
			else {
				let r = this.getImage(1);
				if (r.width && r.height) t = r.width, n = r.height;
				else if (r instanceof HTMLImageElement) {
					this.initialOptions_ = e;
					let t = () => {
						if (this.unlistenImageChange(t), !this.initialOptions_) return;
						let n = this.iconImage_.getSize();
						this.setScale(Xo(n[0], n[1], e.width, e.height));
					};
					this.listenImageChange(t);
					return;
				}
			}
			t !== void 0 && this.setScale(Xo(t, n, e.width, e.height));
		}
	}
	clone() {
		let t, n, r;
		return this.initialOptions_ ? (n = this.initialOptions_.width, r = this.initialOptions_.height) : (t = this.getScale(), t = Array.isArray(t) ? t.slice() : t), new e({
			anchor: this.anchor_.slice(),
			anchorOrigin: this.anchorOrigin_,
			anchorXUnits: this.anchorXUnits_,
			anchorYUnits: this.anchorYUnits_,
			color: this.color_ && this.color_.slice ? this.color_.slice() : this.color_ || void 0,
			crossOrigin: this.crossOrigin_,
			offset: this.offset_.slice(),
			offsetOrigin: this.offsetOrigin_,
			opacity: this.getOpacity(),
			rotateWithView: this.getRotateWithView(),
			rotation: this.getRotation(),
			scale: t,
			width: n,
			height: r,
			size: this.size_ === null ? void 0 : this.size_.slice(),
			src: this.getSrc(),
			displacement: this.getDisplacement().slice(),
			declutterMode: this.getDeclutterMode()
		});
	}
	getAnchor() {
		let e = this.normalizedAnchor_;
		if (!e) {
			e = this.anchor_;
			let t = this.getSize();
			if (this.anchorXUnits_ == "fraction" || this.anchorYUnits_ == "fraction") {
				if (!t) return null;
				e = this.anchor_.slice(), this.anchorXUnits_ == "fraction" && (e[0] *= t[0]), this.anchorYUnits_ == "fraction" && (e[1] *= t[1]);
			}
			if (this.anchorOrigin_ != "top-left") {
				if (!t) return null;
				e === this.anchor_ && (e = this.anchor_.slice()), (this.anchorOrigin_ == "top-right" || this.anchorOrigin_ == "bottom-right") && (e[0] = -e[0] + t[0]), (this.anchorOrigin_ == "bottom-left" || this.anchorOrigin_ == "bottom-right") && (e[1] = -e[1] + t[1]);
			}
			this.normalizedAnchor_ = e;
		}
		let t = this.getDisplacement(), n = this.getScaleArray();
		return [e[0] - t[0] / n[0], e[1] + t[1] / n[1]];
	}
	setAnchor(e) {
		this.anchor_ = e, this.normalizedAnchor_ = null;
	}
	getColor() {
		return this.color_;
	}
	getImage(e) {
		return this.iconImage_.getImage(e);
	}
	getPixelRatio(e) {
		return this.iconImage_.getPixelRatio(e);
	}
	getImageSize() {
		return this.iconImage_.getSize();
	}
	getImageState() {
		return this.iconImage_.getImageState();
	}
	getHitDetectionImage() {
		return this.iconImage_.getHitDetectionImage();
	}
	getOrigin() {
		if (this.origin_) return this.origin_;
		let e = this.offset_;
		if (this.offsetOrigin_ != "top-left") {
			let t = this.getSize(), n = this.iconImage_.getSize();
			if (!t || !n) return null;
			e = e.slice(), (this.offsetOrigin_ == "top-right" || this.offsetOrigin_ == "bottom-right") && (e[0] = n[0] - t[0] - e[0]), (this.offsetOrigin_ == "bottom-left" || this.offsetOrigin_ == "bottom-right") && (e[1] = n[1] - t[1] - e[1]);
		}
		return this.origin_ = e, this.origin_;
	}
	getSrc() {
		return this.iconImage_.getSrc();
	}
	setSrc(e) {
		this.iconImage_ = so(null, e, this.crossOrigin_, H.IDLE, this.color_);
	}
	getSize() {
		return this.size_ ? this.size_ : this.iconImage_.getSize();
	}
	getWidth() {
		let e = this.getScaleArray();
		if (this.size_) return this.size_[0] * e[0];
		if (this.iconImage_.getImageState() == H.LOADED) return this.iconImage_.getSize()[0] * e[0];
	}
	getHeight() {
		let e = this.getScaleArray();
		if (this.size_) return this.size_[1] * e[1];
		if (this.iconImage_.getImageState() == H.LOADED) return this.iconImage_.getSize()[1] * e[1];
	}
	setScale(e) {
		delete this.initialOptions_, super.setScale(e);
	}
	listenImageChange(e) {
		this.iconImage_.addEventListener(R.CHANGE, e);
	}
	load() {
		this.iconImage_.load();
	}
	unlistenImageChange(e) {
		this.iconImage_.removeEventListener(R.CHANGE, e);
	}
	ready() {
		return this.iconImage_.ready();
	}
}, Qo = class e {
	constructor(e) {
		e ||= {}, this.color_ = e.color === void 0 ? null : e.color, this.lineCap_ = e.lineCap, this.lineDash_ = e.lineDash === void 0 ? null : e.lineDash, this.lineDashOffset_ = e.lineDashOffset, this.lineJoin_ = e.lineJoin, this.miterLimit_ = e.miterLimit, this.width_ = e.width;
	}
	clone() {
		let t = this.getColor();
		return new e({
			color: Array.isArray(t) ? t.slice() : t || void 0,
			lineCap: this.getLineCap(),
			lineDash: this.getLineDash() ? this.getLineDash().slice() : void 0,
			lineDashOffset: this.getLineDashOffset(),
			lineJoin: this.getLineJoin(),
			miterLimit: this.getMiterLimit(),
			width: this.getWidth()
		});
	}
	getColor() {
		return this.color_;
	}
	getLineCap() {
		return this.lineCap_;
	}
	getLineDash() {
		return this.lineDash_;
	}
	getLineDashOffset() {
		return this.lineDashOffset_;
	}
	getLineJoin() {
		return this.lineJoin_;
	}
	getMiterLimit() {
		return this.miterLimit_;
	}
	getWidth() {
		return this.width_;
	}
	setColor(e) {
		this.color_ = e;
	}
	setLineCap(e) {
		this.lineCap_ = e;
	}
	setLineDash(e) {
		this.lineDash_ = e;
	}
	setLineDashOffset(e) {
		this.lineDashOffset_ = e;
	}
	setLineJoin(e) {
		this.lineJoin_ = e;
	}
	setMiterLimit(e) {
		this.miterLimit_ = e;
	}
	setWidth(e) {
		this.width_ = e;
	}
}, $o = class e {
	constructor(e) {
		e ||= {}, this.geometry_ = null, this.geometryFunction_ = is, e.geometry !== void 0 && this.setGeometry(e.geometry), this.fill_ = e.fill === void 0 ? null : e.fill, this.image_ = e.image === void 0 ? null : e.image, this.renderer_ = e.renderer === void 0 ? null : e.renderer, this.hitDetectionRenderer_ = e.hitDetectionRenderer === void 0 ? null : e.hitDetectionRenderer, this.stroke_ = e.stroke === void 0 ? null : e.stroke, this.text_ = e.text === void 0 ? null : e.text, this.zIndex_ = e.zIndex;
	}
	clone() {
		let t = this.getGeometry();
		return t && typeof t == "object" && (t = t.clone()), new e({
			geometry: t ?? void 0,
			fill: this.getFill() ? this.getFill().clone() : void 0,
			image: this.getImage() ? this.getImage().clone() : void 0,
			renderer: this.getRenderer() ?? void 0,
			stroke: this.getStroke() ? this.getStroke().clone() : void 0,
			text: this.getText() ? this.getText().clone() : void 0,
			zIndex: this.getZIndex()
		});
	}
	getRenderer() {
		return this.renderer_;
	}
	setRenderer(e) {
		this.renderer_ = e;
	}
	setHitDetectionRenderer(e) {
		this.hitDetectionRenderer_ = e;
	}
	getHitDetectionRenderer() {
		return this.hitDetectionRenderer_;
	}
	getGeometry() {
		return this.geometry_;
	}
	getGeometryFunction() {
		return this.geometryFunction_;
	}
	getFill() {
		return this.fill_;
	}
	setFill(e) {
		this.fill_ = e;
	}
	getImage() {
		return this.image_;
	}
	setImage(e) {
		this.image_ = e;
	}
	getStroke() {
		return this.stroke_;
	}
	setStroke(e) {
		this.stroke_ = e;
	}
	getText() {
		return this.text_;
	}
	setText(e) {
		this.text_ = e;
	}
	getZIndex() {
		return this.zIndex_;
	}
	setGeometry(e) {
		typeof e == "function" ? this.geometryFunction_ = e : typeof e == "string" ? this.geometryFunction_ = function(t) {
			return t.get(e);
		} : e ? e !== void 0 && (this.geometryFunction_ = function() {
			return e;
		}) : this.geometryFunction_ = is, this.geometry_ = e;
	}
	setZIndex(e) {
		this.zIndex_ = e;
	}
};
function es(e) {
	let t;
	if (typeof e == "function") t = e;
	else {
		let n;
		Array.isArray(e) ? n = e : (V(typeof e.getZIndex == "function", "Expected an `Style` or an array of `Style`"), n = [e]), t = function() {
			return n;
		};
	}
	return t;
}
var ts = null;
function ns(e, t) {
	if (!ts) {
		let e = new Yo({ color: "rgba(255,255,255,0.4)" }), t = new Qo({
			color: "#3399CC",
			width: 1.25
		});
		ts = [new $o({
			image: new Jo({
				fill: e,
				stroke: t,
				radius: 5
			}),
			fill: e,
			stroke: t
		})];
	}
	return ts;
}
function rs() {
	let e = {}, t = [
		255,
		255,
		255,
		1
	], n = [
		0,
		153,
		255,
		1
	];
	return e.Polygon = [new $o({ fill: new Yo({ color: [
		255,
		255,
		255,
		.5
	] }) })], e.MultiPolygon = e.Polygon, e.LineString = [new $o({ stroke: new Qo({
		color: t,
		width: 5
	}) }), new $o({ stroke: new Qo({
		color: n,
		width: 3
	}) })], e.MultiLineString = e.LineString, e.Circle = e.Polygon.concat(e.LineString), e.Point = [new $o({
		image: new Jo({
			radius: 6,
			fill: new Yo({ color: n }),
			stroke: new Qo({
				color: t,
				width: 3 / 2
			})
		}),
		zIndex: 1 / 0
	})], e.MultiPoint = e.Point, e.GeometryCollection = e.Polygon.concat(e.LineString, e.Point), e;
}
function is(e) {
	return e.getGeometry();
}
var as = "#333", os = class e {
	constructor(e) {
		e ||= {}, this.font_ = e.font, this.rotation_ = e.rotation, this.rotateWithView_ = e.rotateWithView, this.keepUpright_ = e.keepUpright, this.scale_ = e.scale, this.scaleArray_ = Go(e.scale === void 0 ? 1 : e.scale), this.text_ = e.text, this.textAlign_ = e.textAlign, this.justify_ = e.justify, this.repeat_ = e.repeat, this.textBaseline_ = e.textBaseline, this.fill_ = e.fill === void 0 ? new Yo({ color: as }) : e.fill, this.maxAngle_ = e.maxAngle === void 0 ? Math.PI / 4 : e.maxAngle, this.placement_ = e.placement === void 0 ? "point" : e.placement, this.overflow_ = !!e.overflow, this.stroke_ = e.stroke === void 0 ? null : e.stroke, this.offsetX_ = e.offsetX === void 0 ? 0 : e.offsetX, this.offsetY_ = e.offsetY === void 0 ? 0 : e.offsetY, this.backgroundFill_ = e.backgroundFill ? e.backgroundFill : null, this.backgroundStroke_ = e.backgroundStroke ? e.backgroundStroke : null, this.padding_ = e.padding === void 0 ? null : e.padding, this.declutterMode_ = e.declutterMode;
	}
	clone() {
		let t = this.getScale();
		return new e({
			font: this.getFont(),
			placement: this.getPlacement(),
			repeat: this.getRepeat(),
			maxAngle: this.getMaxAngle(),
			overflow: this.getOverflow(),
			rotation: this.getRotation(),
			rotateWithView: this.getRotateWithView(),
			keepUpright: this.getKeepUpright(),
			scale: Array.isArray(t) ? t.slice() : t,
			text: this.getText(),
			textAlign: this.getTextAlign(),
			justify: this.getJustify(),
			textBaseline: this.getTextBaseline(),
			fill: this.getFill() instanceof Yo ? this.getFill().clone() : this.getFill(),
			stroke: this.getStroke() ? this.getStroke().clone() : void 0,
			offsetX: this.getOffsetX(),
			offsetY: this.getOffsetY(),
			backgroundFill: this.getBackgroundFill() ? this.getBackgroundFill().clone() : void 0,
			backgroundStroke: this.getBackgroundStroke() ? this.getBackgroundStroke().clone() : void 0,
			padding: this.getPadding() || void 0,
			declutterMode: this.getDeclutterMode()
		});
	}
	getOverflow() {
		return this.overflow_;
	}
	getFont() {
		return this.font_;
	}
	getMaxAngle() {
		return this.maxAngle_;
	}
	getPlacement() {
		return this.placement_;
	}
	getRepeat() {
		return this.repeat_;
	}
	getOffsetX() {
		return this.offsetX_;
	}
	getOffsetY() {
		return this.offsetY_;
	}
	getFill() {
		return this.fill_;
	}
	getRotateWithView() {
		return this.rotateWithView_;
	}
	getKeepUpright() {
		return this.keepUpright_;
	}
	getRotation() {
		return this.rotation_;
	}
	getScale() {
		return this.scale_;
	}
	getScaleArray() {
		return this.scaleArray_;
	}
	getStroke() {
		return this.stroke_;
	}
	getText() {
		return this.text_;
	}
	getTextAlign() {
		return this.textAlign_;
	}
	getJustify() {
		return this.justify_;
	}
	getTextBaseline() {
		return this.textBaseline_;
	}
	getBackgroundFill() {
		return this.backgroundFill_;
	}
	getBackgroundStroke() {
		return this.backgroundStroke_;
	}
	getPadding() {
		return this.padding_;
	}
	getDeclutterMode() {
		return this.declutterMode_;
	}
	setOverflow(e) {
		this.overflow_ = e;
	}
	setFont(e) {
		this.font_ = e;
	}
	setMaxAngle(e) {
		this.maxAngle_ = e;
	}
	setOffsetX(e) {
		this.offsetX_ = e;
	}
	setOffsetY(e) {
		this.offsetY_ = e;
	}
	setPlacement(e) {
		this.placement_ = e;
	}
	setRepeat(e) {
		this.repeat_ = e;
	}
	setRotateWithView(e) {
		this.rotateWithView_ = e;
	}
	setKeepUpright(e) {
		this.keepUpright_ = e;
	}
	setFill(e) {
		this.fill_ = e;
	}
	setRotation(e) {
		this.rotation_ = e;
	}
	setScale(e) {
		this.scale_ = e, this.scaleArray_ = Go(e === void 0 ? 1 : e);
	}
	setStroke(e) {
		this.stroke_ = e;
	}
	setText(e) {
		this.text_ = e;
	}
	setTextAlign(e) {
		this.textAlign_ = e;
	}
	setJustify(e) {
		this.justify_ = e;
	}
	setTextBaseline(e) {
		this.textBaseline_ = e;
	}
	setBackgroundFill(e) {
		this.backgroundFill_ = e;
	}
	setBackgroundStroke(e) {
		this.backgroundStroke_ = e;
	}
	setPadding(e) {
		this.padding_ = e;
	}
}, ss = "data:image/svg+xml,%3csvg%20width='86'%20height='84'%20viewBox='0%200%2086%2084'%20fill='none'%20xmlns='http://www.w3.org/2000/svg'%3e%3cg%20clip-path='url(%23clip0_3080_8764)'%3e%3cg%20filter='url(%23filter0_d_3080_8764)'%3e%3cpath%20d='M43.0003%207C29.1328%207%2017.917%2017.955%2017.917%2031.5C17.917%2049.875%2043.0003%2077%2043.0003%2077C43.0003%2077%2068.0837%2049.875%2068.0837%2031.5C68.0837%2017.955%2056.8678%207%2043.0003%207ZM43.0003%2040.25C38.0553%2040.25%2034.042%2036.33%2034.042%2031.5C34.042%2026.67%2038.0553%2022.75%2043.0003%2022.75C47.9453%2022.75%2051.9587%2026.67%2051.9587%2031.5C51.9587%2036.33%2047.9453%2040.25%2043.0003%2040.25Z'%20fill='%233E9FCC'/%3e%3c/g%3e%3ccircle%20cx='43'%20cy='32'%20r='10'%20fill='%23E9F8FF'/%3e%3c/g%3e%3cdefs%3e%3cfilter%20id='filter0_d_3080_8764'%20x='13.917'%20y='7'%20width='58.167'%20height='78'%20filterUnits='userSpaceOnUse'%20color-interpolation-filters='sRGB'%3e%3cfeFlood%20flood-opacity='0'%20result='BackgroundImageFix'/%3e%3cfeColorMatrix%20in='SourceAlpha'%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%20127%200'%20result='hardAlpha'/%3e%3cfeOffset%20dy='4'/%3e%3cfeGaussianBlur%20stdDeviation='2'/%3e%3cfeComposite%20in2='hardAlpha'%20operator='out'/%3e%3cfeColorMatrix%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200.25%200'/%3e%3cfeBlend%20mode='normal'%20in2='BackgroundImageFix'%20result='effect1_dropShadow_3080_8764'/%3e%3cfeBlend%20mode='normal'%20in='SourceGraphic'%20in2='effect1_dropShadow_3080_8764'%20result='shape'/%3e%3c/filter%3e%3cclipPath%20id='clip0_3080_8764'%3e%3crect%20width='86'%20height='84'%20fill='white'/%3e%3c/clipPath%3e%3c/defs%3e%3c/svg%3e", cs = "data:image/svg+xml,%3csvg%20width='86'%20height='84'%20viewBox='0%200%2086%2084'%20fill='none'%20xmlns='http://www.w3.org/2000/svg'%3e%3cg%20clip-path='url(%23clip0_3080_8764)'%3e%3cg%20filter='url(%23filter0_d_3080_8764)'%3e%3cpath%20d='M43.0003%207C29.1328%207%2017.917%2017.955%2017.917%2031.5C17.917%2049.875%2043.0003%2077%2043.0003%2077C43.0003%2077%2068.0837%2049.875%2068.0837%2031.5C68.0837%2017.955%2056.8678%207%2043.0003%207ZM43.0003%2040.25C38.0553%2040.25%2034.042%2036.33%2034.042%2031.5C34.042%2026.67%2038.0553%2022.75%2043.0003%2022.75C47.9453%2022.75%2051.9587%2026.67%2051.9587%2031.5C51.9587%2036.33%2047.9453%2040.25%2043.0003%2040.25Z'%20fill='%2322C55E'/%3e%3c/g%3e%3ccircle%20cx='43'%20cy='32'%20r='10'%20fill='%23E9F8FF'/%3e%3c/g%3e%3cdefs%3e%3cfilter%20id='filter0_d_3080_8764'%20x='13.917'%20y='7'%20width='58.167'%20height='78'%20filterUnits='userSpaceOnUse'%20color-interpolation-filters='sRGB'%3e%3cfeFlood%20flood-opacity='0'%20result='BackgroundImageFix'/%3e%3cfeColorMatrix%20in='SourceAlpha'%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%20127%200'%20result='hardAlpha'/%3e%3cfeOffset%20dy='4'/%3e%3cfeGaussianBlur%20stdDeviation='2'/%3e%3cfeComposite%20in2='hardAlpha'%20operator='out'/%3e%3cfeColorMatrix%20type='matrix'%20values='0%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200%200.25%200'/%3e%3cfeBlend%20mode='normal'%20in2='BackgroundImageFix'%20result='effect1_dropShadow_3080_8764'/%3e%3cfeBlend%20mode='normal'%20in='SourceGraphic'%20in2='effect1_dropShadow_3080_8764'%20result='shape'/%3e%3c/filter%3e%3cclipPath%20id='clip0_3080_8764'%3e%3crect%20width='86'%20height='84'%20fill='white'/%3e%3c/clipPath%3e%3c/defs%3e%3c/svg%3e", ls = {
	ADD: "add",
	REMOVE: "remove"
}, us = { LENGTH: "length" }, ds = class extends jr {
	constructor(e, t, n) {
		super(e), this.element = t, this.index = n;
	}
}, fs = class extends Lr {
	constructor(e, t) {
		if (super(), this.on, this.once, this.un, t ||= {}, this.unique_ = !!t.unique, this.array_ = e ?? [], this.unique_) for (let e = 1, t = this.array_.length; e < t; ++e) this.assertUnique_(this.array_[e], e);
		this.updateLength_();
	}
	clear() {
		for (; this.getLength() > 0;) this.pop();
	}
	extend(e) {
		for (let t = 0, n = e.length; t < n; ++t) this.push(e[t]);
		return this;
	}
	forEach(e) {
		let t = this.array_;
		for (let n = 0, r = t.length; n < r; ++n) e(t[n], n, t);
	}
	getArray() {
		return this.array_;
	}
	item(e) {
		return this.array_[e];
	}
	getLength() {
		return this.get(us.LENGTH);
	}
	insertAt(e, t) {
		if (e < 0 || e > this.getLength()) throw Error("Index out of bounds: " + e);
		this.unique_ && this.assertUnique_(t), this.array_.splice(e, 0, t), this.updateLength_(), this.dispatchEvent(new ds(ls.ADD, t, e));
	}
	pop() {
		return this.removeAt(this.getLength() - 1);
	}
	push(e) {
		let t = this.getLength();
		return this.insertAt(t, e), this.getLength();
	}
	remove(e) {
		let t = this.array_;
		for (let n = 0, r = t.length; n < r; ++n) if (t[n] === e) return this.removeAt(n);
	}
	removeAt(e) {
		if (e < 0 || e >= this.getLength()) return;
		let t = this.array_[e];
		return this.array_.splice(e, 1), this.updateLength_(), this.dispatchEvent(new ds(ls.REMOVE, t, e)), t;
	}
	setAt(e, t) {
		if (e >= this.getLength()) {
			this.insertAt(e, t);
			return;
		}
		if (e < 0) throw Error("Index out of bounds: " + e);
		this.unique_ && this.assertUnique_(t, e);
		let n = this.array_[e];
		this.array_[e] = t, this.dispatchEvent(new ds(ls.REMOVE, n, e)), this.dispatchEvent(new ds(ls.ADD, t, e));
	}
	updateLength_() {
		this.set(us.LENGTH, this.array_.length);
	}
	assertUnique_(e, t) {
		let n = this.array_;
		for (let r = 0, i = n.length; r < i; ++r) if (n[r] === e && r !== t) throw Error("Duplicate item added to a unique collection");
	}
}, ps = class e extends Lr {
	constructor(e) {
		if (super(), this.on, this.once, this.un, this.id_ = void 0, this.geometryName_ = "geometry", this.style_ = null, this.styleFunction_ = void 0, this.geometryChangeKey_ = null, this.addChangeListener(this.geometryName_, this.handleGeometryChanged_), e) {
			if (typeof e.getSimplifiedGeometry == "function") {
				let t = e;
				this.setGeometry(t);
			} else {
				let t = e;
				this.setProperties(t);
			}
		}
	}
	clone() {
		let t = new e(this.hasProperties() ? this.getProperties() : null);
		t.setGeometryName(this.getGeometryName());
		let n = this.getGeometry();
		n && t.setGeometry(n.clone());
		let r = this.getStyle();
		return r && t.setStyle(r), t;
	}
	getGeometry() {
		return this.get(this.geometryName_);
	}
	getId() {
		return this.id_;
	}
	getGeometryName() {
		return this.geometryName_;
	}
	getStyle() {
		return this.style_;
	}
	getStyleFunction() {
		return this.styleFunction_;
	}
	handleGeometryChange_() {
		this.changed();
	}
	handleGeometryChanged_() {
		this.geometryChangeKey_ &&= (B(this.geometryChangeKey_), null);
		let e = this.getGeometry();
		e && (this.geometryChangeKey_ = z(e, R.CHANGE, this.handleGeometryChange_, this)), this.changed();
	}
	setGeometry(e) {
		this.set(this.geometryName_, e);
	}
	setStyle(e) {
		this.style_ = e, this.styleFunction_ = e ? ms(e) : void 0, this.changed();
	}
	setId(e) {
		this.id_ = e, this.changed();
	}
	setGeometryName(e) {
		this.removeChangeListener(this.geometryName_, this.handleGeometryChanged_), this.geometryName_ = e, this.addChangeListener(this.geometryName_, this.handleGeometryChanged_), this.handleGeometryChanged_();
	}
};
function ms(e) {
	if (typeof e == "function") return e;
	let t;
	return Array.isArray(e) ? t = e : (V(typeof e.getZIndex == "function", "Expected an `ol/style/Style` or an array of `ol/style/Style.js`"), t = [e]), function() {
		return t;
	};
}
var hs = {
	PRERENDER: "prerender",
	POSTRENDER: "postrender",
	PRECOMPOSE: "precompose",
	POSTCOMPOSE: "postcompose",
	RENDERCOMPLETE: "rendercomplete"
}, gs = class {
	drawCustom(e, t, n, r, i) {}
	drawGeometry(e) {}
	setStyle(e) {}
	drawCircle(e, t, n) {}
	drawFeature(e, t, n) {}
	drawGeometryCollection(e, t, n) {}
	drawLineString(e, t, n) {}
	drawMultiLineString(e, t, n) {}
	drawMultiPoint(e, t, n) {}
	drawMultiPolygon(e, t, n) {}
	drawPoint(e, t, n) {}
	drawPolygon(e, t, n) {}
	drawText(e, t, n) {}
	setFillStrokeStyle(e, t) {}
	setImageStyle(e, t) {}
	setTextStyle(e, t) {}
}, _s = class extends gs {
	constructor(e, t, n, r, i, a, o) {
		super(), this.context_ = e, this.pixelRatio_ = t, this.extent_ = n, this.transform_ = r, this.transformRotation_ = r ? tt(Math.atan2(r[1], r[0]), 10) : 0, this.viewRotation_ = i, this.squaredTolerance_ = a, this.userTransform_ = o, this.contextFillState_ = null, this.contextStrokeState_ = null, this.contextTextState_ = null, this.fillState_ = null, this.strokeState_ = null, this.image_ = null, this.imageAnchorX_ = 0, this.imageAnchorY_ = 0, this.imageHeight_ = 0, this.imageOpacity_ = 0, this.imageOriginX_ = 0, this.imageOriginY_ = 0, this.imageRotateWithView_ = !1, this.imageRotation_ = 0, this.imageScale_ = [0, 0], this.imageWidth_ = 0, this.text_ = "", this.textOffsetX_ = 0, this.textOffsetY_ = 0, this.textRotateWithView_ = !1, this.textRotation_ = 0, this.textScale_ = [0, 0], this.textFillState_ = null, this.textStrokeState_ = null, this.textState_ = null, this.pixelCoordinates_ = [], this.tmpLocalTransform_ = zr();
	}
	drawImages_(e, t, n, r) {
		if (!this.image_) return;
		let i = Qr(e, t, n, r, this.transform_, this.pixelCoordinates_), a = this.context_, o = this.tmpLocalTransform_, s = a.globalAlpha;
		this.imageOpacity_ != 1 && (a.globalAlpha = s * this.imageOpacity_);
		let c = this.imageRotation_;
		this.transformRotation_ === 0 && (c -= this.viewRotation_), this.imageRotateWithView_ && (c += this.viewRotation_);
		for (let e = 0, t = i.length; e < t; e += 2) {
			let t = i[e] - this.imageAnchorX_, n = i[e + 1] - this.imageAnchorY_;
			if (c !== 0 || this.imageScale_[0] != 1 || this.imageScale_[1] != 1) {
				let e = t + this.imageAnchorX_, r = n + this.imageAnchorY_;
				Gr(o, e, r, 1, 1, c, -e, -r), a.save(), a.transform.apply(a, o), a.translate(e, r), a.scale(this.imageScale_[0], this.imageScale_[1]), a.drawImage(this.image_, this.imageOriginX_, this.imageOriginY_, this.imageWidth_, this.imageHeight_, -this.imageAnchorX_, -this.imageAnchorY_, this.imageWidth_, this.imageHeight_), a.restore();
			} else a.drawImage(this.image_, this.imageOriginX_, this.imageOriginY_, this.imageWidth_, this.imageHeight_, t, n, this.imageWidth_, this.imageHeight_);
		}
		this.imageOpacity_ != 1 && (a.globalAlpha = s);
	}
	drawText_(e, t, n, r) {
		if (!this.textState_ || this.text_ === "") return;
		this.textFillState_ && this.setContextFillState_(this.textFillState_), this.textStrokeState_ && this.setContextStrokeState_(this.textStrokeState_), this.setContextTextState_(this.textState_);
		let i = Qr(e, t, n, r, this.transform_, this.pixelCoordinates_), a = this.context_, o = this.textRotation_;
		for (this.transformRotation_ === 0 && (o -= this.viewRotation_), this.textRotateWithView_ && (o += this.viewRotation_); t < n; t += r) {
			let e = i[t] + this.textOffsetX_, n = i[t + 1] + this.textOffsetY_;
			o !== 0 || this.textScale_[0] != 1 || this.textScale_[1] != 1 ? (a.save(), a.translate(e - this.textOffsetX_, n - this.textOffsetY_), a.rotate(o), a.translate(this.textOffsetX_, this.textOffsetY_), a.scale(this.textScale_[0], this.textScale_[1]), this.textStrokeState_ && a.strokeText(this.text_, 0, 0), this.textFillState_ && a.fillText(this.text_, 0, 0), a.restore()) : (this.textStrokeState_ && a.strokeText(this.text_, e, n), this.textFillState_ && a.fillText(this.text_, e, n));
		}
	}
	moveToLineTo_(e, t, n, r, i) {
		let a = this.context_, o = Qr(e, t, n, r, this.transform_, this.pixelCoordinates_);
		a.moveTo(o[0], o[1]);
		let s = o.length;
		i && (s -= 2);
		for (let e = 2; e < s; e += 2) a.lineTo(o[e], o[e + 1]);
		return i && a.closePath(), n;
	}
	drawRings_(e, t, n, r) {
		for (let i = 0, a = n.length; i < a; ++i) t = this.moveToLineTo_(e, t, n[i], r, !0);
		return t;
	}
	drawCircle(e) {
		if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), Ve(this.extent_, e.getExtent())) {
			if (this.fillState_ || this.strokeState_) {
				this.fillState_ && this.setContextFillState_(this.fillState_), this.strokeState_ && this.setContextStrokeState_(this.strokeState_);
				let t = ci(e, this.transform_, this.pixelCoordinates_), n = t[2] - t[0], r = t[3] - t[1], i = Math.sqrt(n * n + r * r), a = this.context_;
				a.beginPath(), a.arc(t[0], t[1], i, 0, 2 * Math.PI), this.fillState_ && a.fill(), this.strokeState_ && a.stroke();
			}
			this.text_ !== "" && this.drawText_(e.getCenter(), 0, 2, 2);
		}
	}
	setStyle(e) {
		this.setFillStrokeStyle(e.getFill(), e.getStroke()), this.setImageStyle(e.getImage()), this.setTextStyle(e.getText());
	}
	setTransform(e) {
		this.transform_ = e;
	}
	drawGeometry(e) {
		switch (e.getType()) {
			case "Point":
				this.drawPoint(e);
				break;
			case "LineString":
				this.drawLineString(e);
				break;
			case "Polygon":
				this.drawPolygon(e);
				break;
			case "MultiPoint":
				this.drawMultiPoint(e);
				break;
			case "MultiLineString":
				this.drawMultiLineString(e);
				break;
			case "MultiPolygon":
				this.drawMultiPolygon(e);
				break;
			case "GeometryCollection":
				this.drawGeometryCollection(e);
				break;
			case "Circle": this.drawCircle(e);
		}
	}
	drawFeature(e, t) {
		let n = t.getGeometryFunction()(e);
		n && (this.setStyle(t), this.drawGeometry(n));
	}
	drawGeometryCollection(e) {
		let t = e.getGeometriesArray();
		for (let e = 0, n = t.length; e < n; ++e) this.drawGeometry(t[e]);
	}
	drawPoint(e) {
		this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_));
		let t = e.getFlatCoordinates(), n = e.getStride();
		this.image_ && this.drawImages_(t, 0, t.length, n), this.text_ !== "" && this.drawText_(t, 0, t.length, n);
	}
	drawMultiPoint(e) {
		this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_));
		let t = e.getFlatCoordinates(), n = e.getStride();
		this.image_ && this.drawImages_(t, 0, t.length, n), this.text_ !== "" && this.drawText_(t, 0, t.length, n);
	}
	drawLineString(e) {
		if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), Ve(this.extent_, e.getExtent())) {
			if (this.strokeState_) {
				this.setContextStrokeState_(this.strokeState_);
				let t = this.context_, n = e.getFlatCoordinates();
				t.beginPath(), this.moveToLineTo_(n, 0, n.length, e.getStride(), !1), t.stroke();
			}
			if (this.text_ !== "") {
				let t = e.getFlatMidpoint();
				this.drawText_(t, 0, 2, 2);
			}
		}
	}
	drawMultiLineString(e) {
		this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_));
		let t = e.getExtent();
		if (Ve(this.extent_, t)) {
			if (this.strokeState_) {
				this.setContextStrokeState_(this.strokeState_);
				let t = this.context_, n = e.getFlatCoordinates(), r = 0, i = e.getEnds(), a = e.getStride();
				t.beginPath();
				for (let e = 0, t = i.length; e < t; ++e) r = this.moveToLineTo_(n, r, i[e], a, !1);
				t.stroke();
			}
			if (this.text_ !== "") {
				let t = e.getFlatMidpoints();
				this.drawText_(t, 0, t.length, 2);
			}
		}
	}
	drawPolygon(e) {
		if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), Ve(this.extent_, e.getExtent())) {
			if (this.strokeState_ || this.fillState_) {
				this.fillState_ && this.setContextFillState_(this.fillState_), this.strokeState_ && this.setContextStrokeState_(this.strokeState_);
				let t = this.context_;
				t.beginPath(), this.drawRings_(e.getOrientedFlatCoordinates(), 0, e.getEnds(), e.getStride()), this.fillState_ && t.fill(), this.strokeState_ && t.stroke();
			}
			if (this.text_ !== "") {
				let t = e.getFlatInteriorPoint();
				this.drawText_(t, 0, 2, 2);
			}
		}
	}
	drawMultiPolygon(e) {
		if (this.squaredTolerance_ && (e = e.simplifyTransformed(this.squaredTolerance_, this.userTransform_)), Ve(this.extent_, e.getExtent())) {
			if (this.strokeState_ || this.fillState_) {
				this.fillState_ && this.setContextFillState_(this.fillState_), this.strokeState_ && this.setContextStrokeState_(this.strokeState_);
				let t = this.context_, n = e.getOrientedFlatCoordinates(), r = 0, i = e.getEndss(), a = e.getStride();
				t.beginPath();
				for (let e = 0, t = i.length; e < t; ++e) {
					let t = i[e];
					r = this.drawRings_(n, r, t, a);
				}
				this.fillState_ && t.fill(), this.strokeState_ && t.stroke();
			}
			if (this.text_ !== "") {
				let t = e.getFlatInteriorPoints();
				this.drawText_(t, 0, t.length, 2);
			}
		}
	}
	setContextFillState_(e) {
		let t = this.context_, n = this.contextFillState_;
		n ? n.fillStyle != e.fillStyle && (n.fillStyle = e.fillStyle, t.fillStyle = e.fillStyle) : (t.fillStyle = e.fillStyle, this.contextFillState_ = { fillStyle: e.fillStyle });
	}
	setContextStrokeState_(e) {
		let t = this.context_, n = this.contextStrokeState_;
		n ? (n.lineCap != e.lineCap && (n.lineCap = e.lineCap, t.lineCap = e.lineCap), wr(n.lineDash, e.lineDash) || t.setLineDash(n.lineDash = e.lineDash), n.lineDashOffset != e.lineDashOffset && (n.lineDashOffset = e.lineDashOffset, t.lineDashOffset = e.lineDashOffset), n.lineJoin != e.lineJoin && (n.lineJoin = e.lineJoin, t.lineJoin = e.lineJoin), n.lineWidth != e.lineWidth && (n.lineWidth = e.lineWidth, t.lineWidth = e.lineWidth), n.miterLimit != e.miterLimit && (n.miterLimit = e.miterLimit, t.miterLimit = e.miterLimit), n.strokeStyle != e.strokeStyle && (n.strokeStyle = e.strokeStyle, t.strokeStyle = e.strokeStyle)) : (t.lineCap = e.lineCap, t.setLineDash(e.lineDash), t.lineDashOffset = e.lineDashOffset, t.lineJoin = e.lineJoin, t.lineWidth = e.lineWidth, t.miterLimit = e.miterLimit, t.strokeStyle = e.strokeStyle, this.contextStrokeState_ = {
			lineCap: e.lineCap,
			lineDash: e.lineDash,
			lineDashOffset: e.lineDashOffset,
			lineJoin: e.lineJoin,
			lineWidth: e.lineWidth,
			miterLimit: e.miterLimit,
			strokeStyle: e.strokeStyle
		});
	}
	setContextTextState_(e) {
		let t = this.context_, n = this.contextTextState_, r = e.textAlign ? e.textAlign : To;
		n ? (n.font != e.font && (n.font = e.font, t.font = e.font), n.textAlign != r && (n.textAlign = r, t.textAlign = r), n.textBaseline != e.textBaseline && (n.textBaseline = e.textBaseline, t.textBaseline = e.textBaseline)) : (t.font = e.font, t.textAlign = r, t.textBaseline = e.textBaseline, this.contextTextState_ = {
			font: e.font,
			textAlign: r,
			textBaseline: e.textBaseline
		});
	}
	setFillStrokeStyle(e, t) {
		if (!e) this.fillState_ = null;
		else {
			let t = e.getColor();
			this.fillState_ = { fillStyle: co(t || vo) };
		}
		if (!t) this.strokeState_ = null;
		else {
			let e = t.getColor(), n = t.getLineCap(), r = t.getLineDash(), i = t.getLineDashOffset(), a = t.getLineJoin(), o = t.getWidth(), s = t.getMiterLimit(), c = r || bo;
			this.strokeState_ = {
				lineCap: n === void 0 ? yo : n,
				lineDash: this.pixelRatio_ === 1 ? c : c.map((e) => e * this.pixelRatio_),
				lineDashOffset: (i || xo) * this.pixelRatio_,
				lineJoin: a === void 0 ? So : a,
				lineWidth: (o === void 0 ? Oo : o) * this.pixelRatio_,
				miterLimit: s === void 0 ? Co : s,
				strokeStyle: co(e || wo)
			};
		}
	}
	setImageStyle(e) {
		let t;
		if (!e || !(t = e.getSize())) {
			this.image_ = null;
			return;
		}
		let n = e.getPixelRatio(this.pixelRatio_), r = e.getAnchor(), i = e.getOrigin();
		this.image_ = e.getImage(this.pixelRatio_), this.imageAnchorX_ = r[0] * n, this.imageAnchorY_ = r[1] * n, this.imageHeight_ = t[1] * n, this.imageOpacity_ = e.getOpacity(), this.imageOriginX_ = i[0], this.imageOriginY_ = i[1], this.imageRotateWithView_ = e.getRotateWithView(), this.imageRotation_ = e.getRotation();
		let a = e.getScaleArray();
		this.imageScale_ = [a[0] * this.pixelRatio_ / n, a[1] * this.pixelRatio_ / n], this.imageWidth_ = t[0] * n;
	}
	setTextStyle(e) {
		if (!e) this.text_ = "";
		else {
			let t = e.getFill();
			if (!t) this.textFillState_ = null;
			else {
				let e = t.getColor();
				this.textFillState_ = { fillStyle: co(e || vo) };
			}
			let n = e.getStroke();
			if (!n) this.textStrokeState_ = null;
			else {
				let e = n.getColor(), t = n.getLineCap(), r = n.getLineDash(), i = n.getLineDashOffset(), a = n.getLineJoin(), o = n.getWidth(), s = n.getMiterLimit();
				this.textStrokeState_ = {
					lineCap: t === void 0 ? yo : t,
					lineDash: r || bo,
					lineDashOffset: i || xo,
					lineJoin: a === void 0 ? So : a,
					lineWidth: o === void 0 ? Oo : o,
					miterLimit: s === void 0 ? Co : s,
					strokeStyle: co(e || wo)
				};
			}
			let r = e.getFont(), i = e.getOffsetX(), a = e.getOffsetY(), o = e.getRotateWithView(), s = e.getRotation(), c = e.getScaleArray(), l = e.getText(), u = e.getTextAlign(), d = e.getTextBaseline();
			this.textState_ = {
				font: r === void 0 ? _o : r,
				textAlign: u === void 0 ? To : u,
				textBaseline: d === void 0 ? Eo : d
			}, this.text_ = l === void 0 ? "" : Array.isArray(l) ? l.reduce((e, t, n) => e += n % 2 ? " " : t, "") : l, this.textOffsetX_ = i === void 0 ? 0 : this.pixelRatio_ * i, this.textOffsetY_ = a === void 0 ? 0 : this.pixelRatio_ * a, this.textRotateWithView_ = o !== void 0 && o, this.textRotation_ = s === void 0 ? 0 : s, this.textScale_ = [this.pixelRatio_ * c[0], this.pixelRatio_ * c[1]];
		}
	}
}, vs = .5, ys = {
	Point: js,
	LineString: Os,
	Polygon: Ns,
	MultiPoint: Ms,
	MultiLineString: ks,
	MultiPolygon: As,
	GeometryCollection: Ds,
	Circle: Cs
};
function bs(e, t) {
	return parseInt(L(e), 10) - parseInt(L(t), 10);
}
function xs(e, t) {
	let n = Ss(e, t);
	return n * n;
}
function Ss(e, t) {
	return vs * e / t;
}
function Cs(e, t, n, r, i) {
	let a = n.getFill(), o = n.getStroke();
	if (a || o) {
		let s = e.getBuilder(n.getZIndex(), "Circle");
		s.setFillStrokeStyle(a, o), s.drawCircle(t, r, i);
	}
	let s = n.getText();
	if (s && s.getText()) {
		let i = e.getBuilder(n.getZIndex(), "Text");
		i.setTextStyle(s), i.drawText(t, r);
	}
}
function ws(e, t, n, r, i, a, o, s) {
	let c = [], l = n.getImage();
	if (l) {
		let e = !0, t = l.getImageState();
		t == H.LOADED || t == H.ERROR ? e = !1 : t == H.IDLE && l.load(), e && c.push(l.ready());
	}
	let u = n.getFill();
	u && u.loading() && c.push(u.ready());
	let d = c.length > 0;
	return d && Promise.all(c).then(() => i(null)), Ts(e, t, n, r, a, o, s), d;
}
function Ts(e, t, n, r, i, a, o) {
	let s = n.getGeometryFunction()(t);
	if (!s) return;
	let c = s.simplifyTransformed(r, i);
	n.getRenderer() ? Es(e, c, n, t, o) : (0, ys[c.getType()])(e, c, n, t, o, a);
}
function Es(e, t, n, r, i) {
	if (t.getType() == "GeometryCollection") {
		let a = t.getGeometries();
		for (let t = 0, o = a.length; t < o; ++t) Es(e, a[t], n, r, i);
	} else e.getBuilder(n.getZIndex(), "Default").drawCustom(t, r, n.getRenderer(), n.getHitDetectionRenderer(), i);
}
function Ds(e, t, n, r, i, a) {
	let o = t.getGeometriesArray(), s, c;
	for (s = 0, c = o.length; s < c; ++s) (0, ys[o[s].getType()])(e, o[s], n, r, i, a);
}
function Os(e, t, n, r, i) {
	let a = n.getStroke();
	if (a) {
		let o = e.getBuilder(n.getZIndex(), "LineString");
		o.setFillStrokeStyle(null, a), o.drawLineString(t, r, i);
	}
	let o = n.getText();
	if (o && o.getText()) {
		let a = e.getBuilder(n.getZIndex(), "Text");
		a.setTextStyle(o), a.drawText(t, r, i);
	}
}
function ks(e, t, n, r, i) {
	let a = n.getStroke();
	if (a) {
		let o = e.getBuilder(n.getZIndex(), "LineString");
		o.setFillStrokeStyle(null, a), o.drawMultiLineString(t, r, i);
	}
	let o = n.getText();
	if (o && o.getText()) {
		let a = e.getBuilder(n.getZIndex(), "Text");
		a.setTextStyle(o), a.drawText(t, r, i);
	}
}
function As(e, t, n, r, i) {
	let a = n.getFill(), o = n.getStroke();
	if (o || a) {
		let s = e.getBuilder(n.getZIndex(), "Polygon");
		s.setFillStrokeStyle(a, o), s.drawMultiPolygon(t, r, i);
	}
	let s = n.getText();
	if (s && s.getText()) {
		let a = e.getBuilder(n.getZIndex(), "Text");
		a.setTextStyle(s), a.drawText(t, r, i);
	}
}
function js(e, t, n, r, i, a) {
	let o = n.getImage(), s = n.getText(), c = s && s.getText(), l = a && o && c ? {} : void 0;
	if (o) {
		if (o.getImageState() != H.LOADED) return;
		let a = e.getBuilder(n.getZIndex(), "Image");
		a.setImageStyle(o, l), a.drawPoint(t, r, i);
	}
	if (c) {
		let a = e.getBuilder(n.getZIndex(), "Text");
		a.setTextStyle(s, l), a.drawText(t, r, i);
	}
}
function Ms(e, t, n, r, i, a) {
	let o = n.getImage(), s = o && o.getOpacity() !== 0, c = n.getText(), l = c && c.getText(), u = a && s && l ? {} : void 0;
	if (s) {
		if (o.getImageState() != H.LOADED) return;
		let a = e.getBuilder(n.getZIndex(), "Image");
		a.setImageStyle(o, u), a.drawMultiPoint(t, r, i);
	}
	if (l) {
		let a = e.getBuilder(n.getZIndex(), "Text");
		a.setTextStyle(c, u), a.drawText(t, r, i);
	}
}
function Ns(e, t, n, r, i) {
	let a = n.getFill(), o = n.getStroke();
	if (a || o) {
		let s = e.getBuilder(n.getZIndex(), "Polygon");
		s.setFillStrokeStyle(a, o), s.drawPolygon(t, r, i);
	}
	let s = n.getText();
	if (s && s.getText()) {
		let a = e.getBuilder(n.getZIndex(), "Text");
		a.setTextStyle(s), a.drawText(t, r, i);
	}
}
var Ps = !1;
function Fs(e, t, n, r, i, a, o) {
	let s = new XMLHttpRequest();
	s.open("GET", typeof e == "function" ? e(n, r, i) : e, !0), t.getType() == "arraybuffer" && (s.responseType = "arraybuffer"), s.withCredentials = Ps, s.onload = function(e) {
		if (!s.status || s.status >= 200 && s.status < 300) {
			let e = t.getType();
			try {
				let r;
				e == "text" || e == "json" ? r = s.responseText : e == "xml" ? r = s.responseXML || s.responseText : e == "arraybuffer" && (r = s.response), r ? a(t.readFeatures(r, {
					extent: n,
					featureProjection: i
				}), t.readProjection(r)) : o();
			} catch {
				o();
			}
		} else o();
	}, s.onerror = o, s.send();
}
function Is(e, t) {
	return function(n, r, i, a, o) {
		Fs(e, t, n, r, i, (e, t) => {
			this.addFeatures(e), a !== void 0 && a(e);
		}, () => {
			this.changed(), o !== void 0 && o();
		});
	};
}
function Ls(e, t) {
	return [[
		-1 / 0,
		-1 / 0,
		1 / 0,
		1 / 0
	]];
}
var Rs = zr(), zs = class e {
	constructor(e, t, n, r, i, a) {
		this.styleFunction, this.extent_, this.id_ = a, this.type_ = e, this.flatCoordinates_ = t, this.flatInteriorPoints_ = null, this.flatMidpoints_ = null, this.ends_ = n || null, this.properties_ = i, this.squaredTolerance_, this.stride_ = r, this.simplifiedGeometry_;
	}
	get(e) {
		return this.properties_[e];
	}
	getExtent() {
		return this.extent_ ||= this.type_ === "Point" ? Se(this.flatCoordinates_) : Ce(this.flatCoordinates_, 0, this.flatCoordinates_.length, 2), this.extent_;
	}
	getFlatInteriorPoint() {
		if (!this.flatInteriorPoints_) {
			let e = Ne(this.getExtent());
			this.flatInteriorPoints_ = $i(this.flatCoordinates_, 0, this.ends_, 2, e, 0);
		}
		return this.flatInteriorPoints_;
	}
	getFlatInteriorPoints() {
		if (!this.flatInteriorPoints_) {
			let e = sa(this.flatCoordinates_, this.ends_), t = ua(this.flatCoordinates_, 0, e, 2);
			this.flatInteriorPoints_ = ea(this.flatCoordinates_, 0, e, 2, t);
		}
		return this.flatInteriorPoints_;
	}
	getFlatMidpoint() {
		return this.flatMidpoints_ ||= Fi(this.flatCoordinates_, 0, this.flatCoordinates_.length, 2, .5), this.flatMidpoints_;
	}
	getFlatMidpoints() {
		if (!this.flatMidpoints_) {
			this.flatMidpoints_ = [];
			let e = this.flatCoordinates_, t = 0, n = this.ends_;
			for (let r = 0, i = n.length; r < i; ++r) {
				let i = n[r], a = Fi(e, t, i, 2, .5);
				Cr(this.flatMidpoints_, a), t = i;
			}
		}
		return this.flatMidpoints_;
	}
	getId() {
		return this.id_;
	}
	getOrientedFlatCoordinates() {
		return this.flatCoordinates_;
	}
	getGeometry() {
		return this;
	}
	getSimplifiedGeometry(e) {
		return this;
	}
	simplifyTransformed(e, t) {
		return this;
	}
	getProperties() {
		return this.properties_;
	}
	getPropertiesInternal() {
		return this.properties_;
	}
	getStride() {
		return this.stride_;
	}
	getStyleFunction() {
		return this.styleFunction;
	}
	getType() {
		return this.type_;
	}
	transform(e) {
		e = Dn(e);
		let t = e.getExtent(), n = e.getWorldExtent();
		if (t && n) {
			let e = Le(n) / Le(t);
			Gr(Rs, n[0], n[3], e, -e, 0, 0, 0), Qr(this.flatCoordinates_, 0, this.flatCoordinates_.length, 2, Rs, this.flatCoordinates_);
		}
	}
	applyTransform(e) {
		e(this.flatCoordinates_, this.flatCoordinates_, this.stride_);
	}
	clone() {
		return new e(this.type_, this.flatCoordinates_.slice(), this.ends_?.slice(), this.stride_, Object.assign({}, this.properties_), this.id_);
	}
	getEnds() {
		return this.ends_;
	}
	enableSimplifyTransformed() {
		return this.simplifyTransformed = kr((t, n) => {
			if (t === this.squaredTolerance_) return this.simplifiedGeometry_;
			this.simplifiedGeometry_ = this.clone(), n && this.simplifiedGeometry_.applyTransform(n);
			let r = this.simplifiedGeometry_.getFlatCoordinates(), i;
			switch (this.type_) {
				case "LineString":
					r.length = Oi(r, 0, this.simplifiedGeometry_.flatCoordinates_.length, this.simplifiedGeometry_.stride_, t, r, 0), i = [r.length];
					break;
				case "MultiLineString":
					i = [], r.length = ki(r, 0, this.simplifiedGeometry_.ends_, this.simplifiedGeometry_.stride_, t, r, 0, i);
					break;
				case "Polygon": i = [], r.length = Mi(r, 0, this.simplifiedGeometry_.ends_, this.simplifiedGeometry_.stride_, Math.sqrt(t), r, 0, i);
			}
			return i && (this.simplifiedGeometry_ = new e(this.type_, r, i, 2, this.properties_, this.id_)), this.squaredTolerance_ = t, this.simplifiedGeometry_;
		}), this;
	}
};
zs.prototype.getFlatCoordinates = zs.prototype.getOrientedFlatCoordinates;
function Bs(e, t, n = 0, r = e.length - 1, i = Hs) {
	for (; r > n;) {
		if (r - n > 600) {
			let a = r - n + 1, o = t - n + 1, s = Math.log(a), c = .5 * Math.exp(2 * s / 3), l = .5 * Math.sqrt(s * c * (a - c) / a) * (o - a / 2 < 0 ? -1 : 1);
			Bs(e, t, Math.max(n, Math.floor(t - o * c / a + l)), Math.min(r, Math.floor(t + (a - o) * c / a + l)), i);
		}
		let a = e[t], o = n, s = r;
		for (Vs(e, n, t), i(e[r], a) > 0 && Vs(e, n, r); o < s;) {
			for (Vs(e, o, s), o++, s--; i(e[o], a) < 0;) o++;
			for (; i(e[s], a) > 0;) s--;
		}
		i(e[n], a) === 0 ? Vs(e, n, s) : (s++, Vs(e, s, r)), s <= t && (n = s + 1), t <= s && (r = s - 1);
	}
}
function Vs(e, t, n) {
	let r = e[t];
	e[t] = e[n], e[n] = r;
}
function Hs(e, t) {
	return e < t ? -1 : +(e > t);
}
var Us = class {
	constructor(e = 9) {
		this._maxEntries = Math.max(4, e), this._minEntries = Math.max(2, Math.ceil(this._maxEntries * .4)), this.clear();
	}
	all() {
		return this._all(this.data, []);
	}
	search(e) {
		let t = this.data, n = [];
		if (!tc(e, t)) return n;
		let r = this.toBBox, i = [];
		for (; t;) {
			for (let a = 0; a < t.children.length; a++) {
				let o = t.children[a], s = t.leaf ? r(o) : o;
				tc(e, s) && (t.leaf ? n.push(o) : ec(e, s) ? this._all(o, n) : i.push(o));
			}
			t = i.pop();
		}
		return n;
	}
	collides(e) {
		let t = this.data;
		if (!tc(e, t)) return !1;
		let n = [];
		for (; t;) {
			for (let r = 0; r < t.children.length; r++) {
				let i = t.children[r], a = t.leaf ? this.toBBox(i) : i;
				if (tc(e, a)) {
					if (t.leaf || ec(e, a)) return !0;
					n.push(i);
				}
			}
			t = n.pop();
		}
		return !1;
	}
	load(e) {
		if (!(e && e.length)) return this;
		if (e.length < this._minEntries) {
			for (let t = 0; t < e.length; t++) this.insert(e[t]);
			return this;
		}
		let t = this._build(e.slice(), 0, e.length - 1, 0);
		if (!this.data.children.length) this.data = t;
		else if (this.data.height === t.height) this._splitRoot(this.data, t);
		else {
			if (this.data.height < t.height) {
				let e = this.data;
				this.data = t, t = e;
			}
			this._insert(t, this.data.height - t.height - 1, !0);
		}
		return this;
	}
	insert(e) {
		return e && this._insert(e, this.data.height - 1), this;
	}
	clear() {
		return this.data = nc([]), this;
	}
	remove(e, t) {
		if (!e) return this;
		let n = this.data, r = this.toBBox(e), i = [], a = [], o, s, c;
		for (; n || i.length;) {
			if (n || (n = i.pop(), s = i[i.length - 1], o = a.pop(), c = !0), n.leaf) {
				let r = Ws(e, n.children, t);
				if (r !== -1) return n.children.splice(r, 1), i.push(n), this._condense(i), this;
			}
			!c && !n.leaf && ec(n, r) ? (i.push(n), a.push(o), o = 0, s = n, n = n.children[0]) : s ? (o++, n = s.children[o], c = !1) : n = null;
		}
		return this;
	}
	toBBox(e) {
		return e;
	}
	compareMinX(e, t) {
		return e.minX - t.minX;
	}
	compareMinY(e, t) {
		return e.minY - t.minY;
	}
	toJSON() {
		return this.data;
	}
	fromJSON(e) {
		return this.data = e, this;
	}
	_all(e, t) {
		let n = [];
		for (; e;) e.leaf ? t.push(...e.children) : n.push(...e.children), e = n.pop();
		return t;
	}
	_build(e, t, n, r) {
		let i = n - t + 1, a = this._maxEntries, o;
		if (i <= a) return o = nc(e.slice(t, n + 1)), Gs(o, this.toBBox), o;
		r || (r = Math.ceil(Math.log(i) / Math.log(a)), a = Math.ceil(i / a ** (r - 1))), o = nc([]), o.leaf = !1, o.height = r;
		let s = Math.ceil(i / a), c = s * Math.ceil(Math.sqrt(a));
		rc(e, t, n, c, this.compareMinX);
		for (let i = t; i <= n; i += c) {
			let t = Math.min(i + c - 1, n);
			rc(e, i, t, s, this.compareMinY);
			for (let n = i; n <= t; n += s) {
				let i = Math.min(n + s - 1, t);
				o.children.push(this._build(e, n, i, r - 1));
			}
		}
		return Gs(o, this.toBBox), o;
	}
	_chooseSubtree(e, t, n, r) {
		for (; r.push(t), !(t.leaf || r.length - 1 === n);) {
			let n = 1 / 0, r = 1 / 0, i;
			for (let a = 0; a < t.children.length; a++) {
				let o = t.children[a], s = Xs(o), c = Qs(e, o) - s;
				c < r ? (r = c, n = s < n ? s : n, i = o) : c === r && s < n && (n = s, i = o);
			}
			t = i || t.children[0];
		}
		return t;
	}
	_insert(e, t, n) {
		let r = n ? e : this.toBBox(e), i = [], a = this._chooseSubtree(r, this.data, t, i);
		for (a.children.push(e), qs(a, r); t >= 0 && i[t].children.length > this._maxEntries;) this._split(i, t), t--;
		this._adjustParentBBoxes(r, i, t);
	}
	_split(e, t) {
		let n = e[t], r = n.children.length, i = this._minEntries;
		this._chooseSplitAxis(n, i, r);
		let a = this._chooseSplitIndex(n, i, r), o = nc(n.children.splice(a, n.children.length - a));
		o.height = n.height, o.leaf = n.leaf, Gs(n, this.toBBox), Gs(o, this.toBBox), t ? e[t - 1].children.push(o) : this._splitRoot(n, o);
	}
	_splitRoot(e, t) {
		this.data = nc([e, t]), this.data.height = e.height + 1, this.data.leaf = !1, Gs(this.data, this.toBBox);
	}
	_chooseSplitIndex(e, t, n) {
		let r, i = 1 / 0, a = 1 / 0;
		for (let o = t; o <= n - t; o++) {
			let t = Ks(e, 0, o, this.toBBox), s = Ks(e, o, n, this.toBBox), c = $s(t, s), l = Xs(t) + Xs(s);
			c < i ? (i = c, r = o, a = l < a ? l : a) : c === i && l < a && (a = l, r = o);
		}
		return r || n - t;
	}
	_chooseSplitAxis(e, t, n) {
		let r = e.leaf ? this.compareMinX : Js, i = e.leaf ? this.compareMinY : Ys;
		this._allDistMargin(e, t, n, r) < this._allDistMargin(e, t, n, i) && e.children.sort(r);
	}
	_allDistMargin(e, t, n, r) {
		e.children.sort(r);
		let i = this.toBBox, a = Ks(e, 0, t, i), o = Ks(e, n - t, n, i), s = Zs(a) + Zs(o);
		for (let r = t; r < n - t; r++) {
			let t = e.children[r];
			qs(a, e.leaf ? i(t) : t), s += Zs(a);
		}
		for (let r = n - t - 1; r >= t; r--) {
			let t = e.children[r];
			qs(o, e.leaf ? i(t) : t), s += Zs(o);
		}
		return s;
	}
	_adjustParentBBoxes(e, t, n) {
		for (let r = n; r >= 0; r--) qs(t[r], e);
	}
	_condense(e) {
		for (let t = e.length - 1, n; t >= 0; t--) e[t].children.length === 0 ? t > 0 ? (n = e[t - 1].children, n.splice(n.indexOf(e[t]), 1)) : this.clear() : Gs(e[t], this.toBBox);
	}
};
function Ws(e, t, n) {
	if (!n) return t.indexOf(e);
	for (let r = 0; r < t.length; r++) if (n(e, t[r])) return r;
	return -1;
}
function Gs(e, t) {
	Ks(e, 0, e.children.length, t, e);
}
function Ks(e, t, n, r, i) {
	i ||= nc(null), i.minX = 1 / 0, i.minY = 1 / 0, i.maxX = -1 / 0, i.maxY = -1 / 0;
	for (let a = t; a < n; a++) {
		let t = e.children[a];
		qs(i, e.leaf ? r(t) : t);
	}
	return i;
}
function qs(e, t) {
	return e.minX = Math.min(e.minX, t.minX), e.minY = Math.min(e.minY, t.minY), e.maxX = Math.max(e.maxX, t.maxX), e.maxY = Math.max(e.maxY, t.maxY), e;
}
function Js(e, t) {
	return e.minX - t.minX;
}
function Ys(e, t) {
	return e.minY - t.minY;
}
function Xs(e) {
	return (e.maxX - e.minX) * (e.maxY - e.minY);
}
function Zs(e) {
	return e.maxX - e.minX + (e.maxY - e.minY);
}
function Qs(e, t) {
	return (Math.max(t.maxX, e.maxX) - Math.min(t.minX, e.minX)) * (Math.max(t.maxY, e.maxY) - Math.min(t.minY, e.minY));
}
function $s(e, t) {
	let n = Math.max(e.minX, t.minX), r = Math.max(e.minY, t.minY), i = Math.min(e.maxX, t.maxX), a = Math.min(e.maxY, t.maxY);
	return Math.max(0, i - n) * Math.max(0, a - r);
}
function ec(e, t) {
	return e.minX <= t.minX && e.minY <= t.minY && t.maxX <= e.maxX && t.maxY <= e.maxY;
}
function tc(e, t) {
	return t.minX <= e.maxX && t.minY <= e.maxY && t.maxX >= e.minX && t.maxY >= e.minY;
}
function nc(e) {
	return {
		children: e,
		height: 1,
		leaf: !0,
		minX: 1 / 0,
		minY: 1 / 0,
		maxX: -1 / 0,
		maxY: -1 / 0
	};
}
function rc(e, t, n, r, i) {
	let a = [t, n];
	for (; a.length;) {
		if (n = a.pop(), t = a.pop(), n - t <= r) continue;
		let o = t + Math.ceil((n - t) / r / 2) * r;
		Bs(e, o, t, n, i), a.push(t, o, o, n);
	}
}
var ic = class {
	constructor(e) {
		this.rbush_ = new Us(e), this.items_ = {};
	}
	insert(e, t) {
		let n = {
			minX: e[0],
			minY: e[1],
			maxX: e[2],
			maxY: e[3],
			value: t
		};
		this.rbush_.insert(n), this.items_[L(t)] = n;
	}
	load(e, t) {
		let n = Array(t.length);
		for (let r = 0, i = t.length; r < i; r++) {
			let i = e[r], a = t[r], o = {
				minX: i[0],
				minY: i[1],
				maxX: i[2],
				maxY: i[3],
				value: a
			};
			n[r] = o, this.items_[L(a)] = o;
		}
		this.rbush_.load(n);
	}
	remove(e) {
		let t = L(e), n = this.items_[t];
		return delete this.items_[t], this.rbush_.remove(n) !== null;
	}
	update(e, t) {
		let n = this.items_[L(t)];
		we([
			n.minX,
			n.minY,
			n.maxX,
			n.maxY
		], e) || (this.remove(t), this.insert(e, t));
	}
	getAll() {
		return this.rbush_.all().map(function(e) {
			return e.value;
		});
	}
	getInExtent(e) {
		let t = {
			minX: e[0],
			minY: e[1],
			maxX: e[2],
			maxY: e[3]
		};
		return this.rbush_.search(t).map(function(e) {
			return e.value;
		});
	}
	forEach(e) {
		return this.forEach_(this.getAll(), e);
	}
	forEachInExtent(e, t) {
		return this.forEach_(this.getInExtent(e), t);
	}
	forEach_(e, t) {
		let n;
		for (let r = 0, i = e.length; r < i; r++) if (n = t(e[r]), n) return n;
		return n;
	}
	isEmpty() {
		return Ft(this.items_);
	}
	clear() {
		this.rbush_.clear(), this.items_ = {};
	}
	getExtent(e) {
		let t = this.rbush_.toJSON();
		return be(t.minX, t.minY, t.maxX, t.maxY, e);
	}
	concat(e) {
		this.rbush_.load(e.rbush_.all());
		for (let t in e.items_) this.items_[t] = e.items_[t];
	}
}, ac = class extends Lr {
	constructor(e) {
		super(), this.projection = Dn(e.projection), this.attributions_ = oc(e.attributions), this.attributionsCollapsible_ = e.attributionsCollapsible ?? !0, this.loading = !1, this.state_ = e.state === void 0 ? "ready" : e.state, this.wrapX_ = e.wrapX !== void 0 && e.wrapX, this.interpolate_ = !!e.interpolate, this.viewResolver = null, this.viewRejector = null;
		let t = this;
		this.viewPromise_ = new Promise(function(e, n) {
			t.viewResolver = e, t.viewRejector = n;
		});
	}
	getAttributions() {
		return this.attributions_;
	}
	getAttributionsCollapsible() {
		return this.attributionsCollapsible_;
	}
	getProjection() {
		return this.projection;
	}
	getResolutions(e) {
		return null;
	}
	getView() {
		return this.viewPromise_;
	}
	getState() {
		return this.state_;
	}
	getWrapX() {
		return this.wrapX_;
	}
	getInterpolate() {
		return this.interpolate_;
	}
	refresh() {
		this.changed();
	}
	setAttributions(e) {
		this.attributions_ = oc(e), this.changed();
	}
	setState(e) {
		this.state_ = e, this.changed();
	}
};
function oc(e) {
	return e ? typeof e == "function" ? e : (Array.isArray(e) || (e = [e]), (t) => e) : null;
}
var sc = {
	ADDFEATURE: "addfeature",
	CHANGEFEATURE: "changefeature",
	CLEAR: "clear",
	REMOVEFEATURE: "removefeature",
	FEATURESLOADSTART: "featuresloadstart",
	FEATURESLOADEND: "featuresloadend",
	FEATURESLOADERROR: "featuresloaderror"
}, cc = class extends jr {
	constructor(e, t, n) {
		super(e), this.feature = t, this.features = n;
	}
}, lc = class extends ac {
	constructor(e) {
		e ||= {}, super({
			attributions: e.attributions,
			interpolate: !0,
			projection: void 0,
			state: "ready",
			wrapX: e.wrapX === void 0 || e.wrapX
		}), this.on, this.once, this.un, this.loader_ = Or, this.format_ = e.format || null, this.overlaps_ = e.overlaps === void 0 || e.overlaps, this.url_ = e.url, e.loader === void 0 ? this.url_ !== void 0 && (V(this.format_, "`format` must be set when `url` is set"), this.loader_ = Is(this.url_, this.format_)) : this.loader_ = e.loader, this.strategy_ = e.strategy === void 0 ? Ls : e.strategy;
		let t = e.useSpatialIndex === void 0 || e.useSpatialIndex;
		this.featuresRtree_ = t ? new ic() : null, this.loadedExtentsRtree_ = new ic(), this.loadingExtentsCount_ = 0, this.nullGeometryFeatures_ = {}, this.idIndex_ = {}, this.uidIndex_ = {}, this.featureChangeKeys_ = {}, this.featuresCollection_ = null;
		let n, r;
		Array.isArray(e.features) ? r = e.features : e.features && (n = e.features, r = n.getArray()), !t && n === void 0 && (n = new fs(r)), r !== void 0 && this.addFeaturesInternal(r), n !== void 0 && this.bindFeaturesCollection_(n);
	}
	addFeature(e) {
		this.addFeatureInternal(e), this.changed();
	}
	addFeatureInternal(e) {
		let t = L(e);
		if (!this.addToIndex_(t, e)) {
			this.featuresCollection_ && this.featuresCollection_.remove(e);
			return;
		}
		this.setupChangeEvents_(t, e);
		let n = e.getGeometry();
		if (n) {
			let t = n.getExtent();
			this.featuresRtree_ && this.featuresRtree_.insert(t, e);
		} else this.nullGeometryFeatures_[t] = e;
		this.dispatchEvent(new cc(sc.ADDFEATURE, e));
	}
	setupChangeEvents_(e, t) {
		t instanceof zs || (this.featureChangeKeys_[e] = [z(t, R.CHANGE, this.handleFeatureChange_, this), z(t, gr.PROPERTYCHANGE, this.handleFeatureChange_, this)]);
	}
	addToIndex_(e, t) {
		let n = !0;
		if (t.getId() !== void 0) {
			let e = String(t.getId());
			if (!(e in this.idIndex_)) this.idIndex_[e] = t;
			else if (t instanceof zs) {
				let r = this.idIndex_[e];
				r instanceof zs ? Array.isArray(r) ? r.push(t) : this.idIndex_[e] = [r, t] : n = !1;
			} else n = !1;
		}
		return n && (V(!(e in this.uidIndex_), "The passed `feature` was already added to the source"), this.uidIndex_[e] = t), n;
	}
	addFeatures(e) {
		this.addFeaturesInternal(e), this.changed();
	}
	addFeaturesInternal(e) {
		let t = [], n = [], r = [];
		for (let t = 0, r = e.length; t < r; t++) {
			let r = e[t], i = L(r);
			this.addToIndex_(i, r) && n.push(r);
		}
		for (let e = 0, i = n.length; e < i; e++) {
			let i = n[e], a = L(i);
			this.setupChangeEvents_(a, i);
			let o = i.getGeometry();
			if (o) {
				let e = o.getExtent();
				t.push(e), r.push(i);
			} else this.nullGeometryFeatures_[a] = i;
		}
		if (this.featuresRtree_ && this.featuresRtree_.load(t, r), this.hasListener(sc.ADDFEATURE)) for (let e = 0, t = n.length; e < t; e++) this.dispatchEvent(new cc(sc.ADDFEATURE, n[e]));
	}
	bindFeaturesCollection_(e) {
		let t = !1;
		this.addEventListener(sc.ADDFEATURE, function(n) {
			t ||= (t = !0, e.push(n.feature), !1);
		}), this.addEventListener(sc.REMOVEFEATURE, function(n) {
			t ||= (t = !0, e.remove(n.feature), !1);
		}), e.addEventListener(ls.ADD, (e) => {
			t ||= (t = !0, this.addFeature(e.element), !1);
		}), e.addEventListener(ls.REMOVE, (e) => {
			t ||= (t = !0, this.removeFeature(e.element), !1);
		}), this.featuresCollection_ = e;
	}
	clear(e) {
		if (e) {
			for (let e in this.featureChangeKeys_) this.featureChangeKeys_[e].forEach(B);
			this.featuresCollection_ || (this.featureChangeKeys_ = {}, this.idIndex_ = {}, this.uidIndex_ = {});
		} else if (this.featuresRtree_) {
			this.featuresRtree_.forEach((e) => {
				this.removeFeatureInternal(e);
			});
			for (let e in this.nullGeometryFeatures_) this.removeFeatureInternal(this.nullGeometryFeatures_[e]);
		}
		this.featuresCollection_ && this.featuresCollection_.clear(), this.featuresRtree_ && this.featuresRtree_.clear(), this.nullGeometryFeatures_ = {};
		let t = new cc(sc.CLEAR);
		this.dispatchEvent(t), this.changed();
	}
	forEachFeature(e) {
		if (this.featuresRtree_) return this.featuresRtree_.forEach(e);
		this.featuresCollection_ && this.featuresCollection_.forEach(e);
	}
	forEachFeatureAtCoordinateDirect(e, t) {
		let n = [
			e[0],
			e[1],
			e[0],
			e[1]
		];
		return this.forEachFeatureInExtent(n, function(n) {
			let r = n.getGeometry();
			if (r instanceof zs || r.intersectsCoordinate(e)) return t(n);
		});
	}
	forEachFeatureInExtent(e, t) {
		if (this.featuresRtree_) return this.featuresRtree_.forEachInExtent(e, t);
		this.featuresCollection_ && this.featuresCollection_.forEach(t);
	}
	forEachFeatureIntersectingExtent(e, t) {
		return this.forEachFeatureInExtent(e, function(n) {
			let r = n.getGeometry();
			if (r instanceof zs || r.intersectsExtent(e)) {
				let e = t(n);
				if (e) return e;
			}
		});
	}
	getFeaturesCollection() {
		return this.featuresCollection_;
	}
	getFeatures() {
		let e;
		return this.featuresCollection_ ? e = this.featuresCollection_.getArray().slice(0) : this.featuresRtree_ && (e = this.featuresRtree_.getAll(), Ft(this.nullGeometryFeatures_) || Cr(e, Object.values(this.nullGeometryFeatures_))), e;
	}
	getFeaturesAtCoordinate(e) {
		let t = [];
		return this.forEachFeatureAtCoordinateDirect(e, function(e) {
			t.push(e);
		}), t;
	}
	getFeaturesInExtent(e, t) {
		if (this.featuresRtree_) {
			if (!(t && t.canWrapX() && this.getWrapX())) return this.featuresRtree_.getInExtent(e);
			let n = Ke(e, t);
			return [].concat(...n.map((e) => this.featuresRtree_.getInExtent(e)));
		}
		return this.featuresCollection_ ? this.featuresCollection_.getArray().slice(0) : [];
	}
	getClosestFeatureToCoordinate(e, t) {
		let n = e[0], r = e[1], i = null, a = [NaN, NaN], o = 1 / 0, s = [
			-1 / 0,
			-1 / 0,
			1 / 0,
			1 / 0
		];
		return t ||= Er, this.featuresRtree_.forEachInExtent(s, function(e) {
			if (t(e)) {
				let t = e.getGeometry(), c = o;
				if (o = t instanceof zs ? 0 : t.closestPointXY(n, r, a, o), o < c) {
					i = e;
					let t = Math.sqrt(o);
					s[0] = n - t, s[1] = r - t, s[2] = n + t, s[3] = r + t;
				}
			}
		}), i;
	}
	getExtent(e) {
		return this.featuresRtree_.getExtent(e);
	}
	getFeatureById(e) {
		let t = this.idIndex_[e.toString()];
		return t === void 0 ? null : t;
	}
	getFeatureByUid(e) {
		let t = this.uidIndex_[e];
		return t === void 0 ? null : t;
	}
	getFormat() {
		return this.format_;
	}
	getOverlaps() {
		return this.overlaps_;
	}
	getUrl() {
		return this.url_;
	}
	handleFeatureChange_(e) {
		let t = e.target, n = L(t), r = t.getGeometry();
		if (!r) n in this.nullGeometryFeatures_ || (this.featuresRtree_ && this.featuresRtree_.remove(t), this.nullGeometryFeatures_[n] = t);
		else {
			let e = r.getExtent();
			n in this.nullGeometryFeatures_ ? (delete this.nullGeometryFeatures_[n], this.featuresRtree_ && this.featuresRtree_.insert(e, t)) : this.featuresRtree_ && this.featuresRtree_.update(e, t);
		}
		let i = t.getId();
		if (i !== void 0) {
			let e = i.toString();
			this.idIndex_[e] !== t && (this.removeFromIdIndex_(t), this.idIndex_[e] = t);
		} else this.removeFromIdIndex_(t), this.uidIndex_[n] = t;
		this.changed(), this.dispatchEvent(new cc(sc.CHANGEFEATURE, t));
	}
	hasFeature(e) {
		let t = e.getId();
		return t === void 0 ? L(e) in this.uidIndex_ : t in this.idIndex_;
	}
	isEmpty() {
		return this.featuresRtree_ ? this.featuresRtree_.isEmpty() && Ft(this.nullGeometryFeatures_) : !this.featuresCollection_ || this.featuresCollection_.getLength() === 0;
	}
	loadFeatures(e, t, n) {
		let r = this.loadedExtentsRtree_, i = this.strategy_(e, t, n);
		for (let e = 0, a = i.length; e < a; ++e) {
			let a = i[e];
			r.forEachInExtent(a, function(e) {
				return ge(e.extent, a);
			}) || (++this.loadingExtentsCount_, this.dispatchEvent(new cc(sc.FEATURESLOADSTART)), this.loader_.call(this, a, t, n, (e) => {
				--this.loadingExtentsCount_, this.dispatchEvent(new cc(sc.FEATURESLOADEND, void 0, e));
			}, () => {
				--this.loadingExtentsCount_, this.dispatchEvent(new cc(sc.FEATURESLOADERROR));
			}), r.insert(a, { extent: a.slice() }));
		}
		this.loading = this.loader_.length < 4 ? !1 : this.loadingExtentsCount_ > 0;
	}
	refresh() {
		this.clear(!0), this.loadedExtentsRtree_.clear(), super.refresh();
	}
	removeLoadedExtent(e) {
		let t = this.loadedExtentsRtree_, n = t.forEachInExtent(e, function(t) {
			if (we(t.extent, e)) return t;
		});
		n && t.remove(n);
	}
	removeFeatures(e) {
		let t = !1;
		for (let n = 0, r = e.length; n < r; ++n) t = this.removeFeatureInternal(e[n]) || t;
		t && this.changed();
	}
	removeFeature(e) {
		e && this.removeFeatureInternal(e) && this.changed();
	}
	removeFeatureInternal(e) {
		let t = L(e);
		if (!(t in this.uidIndex_)) return !1;
		t in this.nullGeometryFeatures_ ? delete this.nullGeometryFeatures_[t] : this.featuresRtree_ && this.featuresRtree_.remove(e), this.featureChangeKeys_[t]?.forEach(B), delete this.featureChangeKeys_[t];
		let n = e.getId();
		if (n !== void 0) {
			let t = n.toString(), r = this.idIndex_[t];
			r === e ? delete this.idIndex_[t] : Array.isArray(r) && (r.splice(r.indexOf(e), 1), r.length === 1 && (this.idIndex_[t] = r[0]));
		}
		return delete this.uidIndex_[t], this.hasListener(sc.REMOVEFEATURE) && this.dispatchEvent(new cc(sc.REMOVEFEATURE, e)), !0;
	}
	removeFromIdIndex_(e) {
		for (let t in this.idIndex_) if (this.idIndex_[t] === e) {
			delete this.idIndex_[t];
			break;
		}
	}
	setLoader(e) {
		this.loader_ = e;
	}
	setUrl(e) {
		V(this.format_, "`format` must be set when `url` is set"), this.url_ = e, this.setLoader(Is(e, this.format_));
	}
	setOverlaps(e) {
		this.overlaps_ = e, this.changed();
	}
}, uc = {
	ANIMATING: 0,
	INTERACTING: 1
}, U = {
	BEGIN_GEOMETRY: 0,
	BEGIN_PATH: 1,
	CIRCLE: 2,
	CLOSE_PATH: 3,
	CUSTOM: 4,
	DRAW_CHARS: 5,
	DRAW_IMAGE: 6,
	END_GEOMETRY: 7,
	FILL: 8,
	MOVE_TO_LINE_TO: 9,
	SET_FILL_STYLE: 10,
	SET_STROKE_STYLE: 11,
	STROKE: 12
}, dc = [U.FILL], fc = [U.STROKE], pc = [U.BEGIN_PATH], mc = [U.CLOSE_PATH], hc = class extends gs {
	constructor(e, t, n, r) {
		super(), this.tolerance = e, this.maxExtent = t, this.pixelRatio = r, this.maxLineWidth = 0, this.resolution = n, this.beginGeometryInstruction1_ = null, this.beginGeometryInstruction2_ = null, this.bufferedMaxExtent_ = null, this.instructions = [], this.coordinates = [], this.tmpCoordinate_ = [], this.hitDetectionInstructions = [], this.state = {};
	}
	applyPixelRatio(e) {
		let t = this.pixelRatio;
		return t == 1 ? e : e.map(function(e) {
			return e * t;
		});
	}
	appendFlatPointCoordinates(e, t) {
		let n = this.getBufferedMaxExtent(), r = this.tmpCoordinate_, i = this.coordinates, a = i.length;
		for (let o = 0, s = e.length; o < s; o += t) r[0] = e[o], r[1] = e[o + 1], he(n, r) && (i[a++] = r[0], i[a++] = r[1]);
		return a;
	}
	appendFlatLineCoordinates(e, t, n, r, i, a) {
		let o = this.coordinates, s = o.length, c = this.getBufferedMaxExtent();
		a && (t += r);
		let l = e[t], u = e[t + 1], d = this.tmpCoordinate_, f = !0, p, m, h;
		for (p = t + r; p < n; p += r) d[0] = e[p], d[1] = e[p + 1], h = ve(c, d), h === m ? h === P.INTERSECTING ? (o[s++] = d[0], o[s++] = d[1], f = !1) : f = !0 : (f &&= (o[s++] = l, o[s++] = u, !1), o[s++] = d[0], o[s++] = d[1]), l = d[0], u = d[1], m = h;
		return (i && f || p === t + r) && (o[s++] = l, o[s++] = u), s;
	}
	drawCustomCoordinates_(e, t, n, r, i) {
		for (let a = 0, o = n.length; a < o; ++a) {
			let o = n[a], s = this.appendFlatLineCoordinates(e, t, o, r, !1, !1);
			i.push(s), t = o;
		}
		return t;
	}
	drawCustom(e, t, n, r, i) {
		this.beginGeometry(e, t, i);
		let a = e.getType(), o = e.getStride(), s = this.coordinates.length, c, l, u, d, f;
		switch (a) {
			case "MultiPolygon":
				c = e.getOrientedFlatCoordinates(), d = [];
				let t = e.getEndss();
				f = 0;
				for (let e = 0, n = t.length; e < n; ++e) {
					let n = [];
					f = this.drawCustomCoordinates_(c, f, t[e], o, n), d.push(n);
				}
				this.instructions.push([
					U.CUSTOM,
					s,
					d,
					e,
					n,
					Di,
					i
				]), this.hitDetectionInstructions.push([
					U.CUSTOM,
					s,
					d,
					e,
					r || n,
					Di,
					i
				]);
				break;
			case "Polygon":
			case "MultiLineString":
				u = [], c = a == "Polygon" ? e.getOrientedFlatCoordinates() : e.getFlatCoordinates(), f = this.drawCustomCoordinates_(c, 0, e.getEnds(), o, u), this.instructions.push([
					U.CUSTOM,
					s,
					u,
					e,
					n,
					Ei,
					i
				]), this.hitDetectionInstructions.push([
					U.CUSTOM,
					s,
					u,
					e,
					r || n,
					Ei,
					i
				]);
				break;
			case "LineString":
			case "Circle":
				c = e.getFlatCoordinates(), l = this.appendFlatLineCoordinates(c, 0, c.length, o, !1, !1), this.instructions.push([
					U.CUSTOM,
					s,
					l,
					e,
					n,
					Ti,
					i
				]), this.hitDetectionInstructions.push([
					U.CUSTOM,
					s,
					l,
					e,
					r || n,
					Ti,
					i
				]);
				break;
			case "MultiPoint":
				c = e.getFlatCoordinates(), l = this.appendFlatPointCoordinates(c, o), l > s && (this.instructions.push([
					U.CUSTOM,
					s,
					l,
					e,
					n,
					Ti,
					i
				]), this.hitDetectionInstructions.push([
					U.CUSTOM,
					s,
					l,
					e,
					r || n,
					Ti,
					i
				]));
				break;
			case "Point": c = e.getFlatCoordinates(), this.coordinates.push(c[0], c[1]), l = this.coordinates.length, this.instructions.push([
				U.CUSTOM,
				s,
				l,
				e,
				n,
				void 0,
				i
			]), this.hitDetectionInstructions.push([
				U.CUSTOM,
				s,
				l,
				e,
				r || n,
				void 0,
				i
			]);
		}
		this.endGeometry(t);
	}
	beginGeometry(e, t, n) {
		this.beginGeometryInstruction1_ = [
			U.BEGIN_GEOMETRY,
			t,
			0,
			e,
			n
		], this.instructions.push(this.beginGeometryInstruction1_), this.beginGeometryInstruction2_ = [
			U.BEGIN_GEOMETRY,
			t,
			0,
			e,
			n
		], this.hitDetectionInstructions.push(this.beginGeometryInstruction2_);
	}
	finish() {
		return {
			instructions: this.instructions,
			hitDetectionInstructions: this.hitDetectionInstructions,
			coordinates: this.coordinates
		};
	}
	reverseHitDetectionInstructions() {
		let e = this.hitDetectionInstructions;
		e.reverse();
		let t, n = e.length, r, i, a = -1;
		for (t = 0; t < n; ++t) r = e[t], i = r[0], i == U.END_GEOMETRY ? a = t : i == U.BEGIN_GEOMETRY && (r[2] = t, Sr(this.hitDetectionInstructions, a, t), a = -1);
	}
	fillStyleToState(e, t = {}) {
		if (e) {
			let n = e.getColor();
			t.fillPatternScale = n && typeof n == "object" && "src" in n ? this.pixelRatio : 1, t.fillStyle = co(n || vo);
		} else t.fillStyle = void 0;
		return t;
	}
	strokeStyleToState(e, t = {}) {
		if (e) {
			t.strokeStyle = co(e.getColor() || wo);
			let n = e.getLineCap();
			t.lineCap = n === void 0 ? yo : n;
			let r = e.getLineDash();
			t.lineDash = r ? r.slice() : bo, t.lineDashOffset = e.getLineDashOffset() || xo;
			let i = e.getLineJoin();
			t.lineJoin = i === void 0 ? So : i;
			let a = e.getWidth();
			t.lineWidth = a === void 0 ? Oo : a;
			let o = e.getMiterLimit();
			t.miterLimit = o === void 0 ? Co : o, t.lineWidth > this.maxLineWidth && (this.maxLineWidth = t.lineWidth, this.bufferedMaxExtent_ = null);
		} else t.strokeStyle = void 0, t.lineCap = void 0, t.lineDash = null, t.lineDashOffset = void 0, t.lineJoin = void 0, t.lineWidth = void 0, t.miterLimit = void 0;
		return t;
	}
	setFillStrokeStyle(e, t) {
		let n = this.state;
		this.fillStyleToState(e, n), this.strokeStyleToState(t, n);
	}
	createFill(e) {
		let t = e.fillStyle, n = [U.SET_FILL_STYLE, t];
		return typeof t != "string" && n.push(e.fillPatternScale), n;
	}
	applyStroke(e) {
		this.instructions.push(this.createStroke(e));
	}
	createStroke(e) {
		return [
			U.SET_STROKE_STYLE,
			e.strokeStyle,
			e.lineWidth * this.pixelRatio,
			e.lineCap,
			e.lineJoin,
			e.miterLimit,
			e.lineDash ? this.applyPixelRatio(e.lineDash) : null,
			e.lineDashOffset * this.pixelRatio
		];
	}
	updateFillStyle(e, t) {
		let n = e.fillStyle;
		(typeof n != "string" || e.currentFillStyle != n) && (this.instructions.push(t.call(this, e)), e.currentFillStyle = n);
	}
	updateStrokeStyle(e, t) {
		let n = e.strokeStyle, r = e.lineCap, i = e.lineDash, a = e.lineDashOffset, o = e.lineJoin, s = e.lineWidth, c = e.miterLimit;
		(e.currentStrokeStyle != n || e.currentLineCap != r || i != e.currentLineDash && !wr(e.currentLineDash, i) || e.currentLineDashOffset != a || e.currentLineJoin != o || e.currentLineWidth != s || e.currentMiterLimit != c) && (t.call(this, e), e.currentStrokeStyle = n, e.currentLineCap = r, e.currentLineDash = i, e.currentLineDashOffset = a, e.currentLineJoin = o, e.currentLineWidth = s, e.currentMiterLimit = c);
	}
	endGeometry(e) {
		this.beginGeometryInstruction1_[2] = this.instructions.length, this.beginGeometryInstruction1_ = null, this.beginGeometryInstruction2_[2] = this.hitDetectionInstructions.length, this.beginGeometryInstruction2_ = null;
		let t = [U.END_GEOMETRY, e];
		this.instructions.push(t), this.hitDetectionInstructions.push(t);
	}
	getBufferedMaxExtent() {
		if (!this.bufferedMaxExtent_ && (this.bufferedMaxExtent_ = pe(this.maxExtent), this.maxLineWidth > 0)) {
			let e = this.resolution * (this.maxLineWidth + 1) / 2;
			fe(this.bufferedMaxExtent_, e, this.bufferedMaxExtent_);
		}
		return this.bufferedMaxExtent_;
	}
}, gc = class extends hc {
	constructor(e, t, n, r) {
		super(e, t, n, r), this.hitDetectionImage_ = null, this.image_ = null, this.imagePixelRatio_ = void 0, this.anchorX_ = void 0, this.anchorY_ = void 0, this.height_ = void 0, this.opacity_ = void 0, this.originX_ = void 0, this.originY_ = void 0, this.rotateWithView_ = void 0, this.rotation_ = void 0, this.scale_ = void 0, this.width_ = void 0, this.declutterMode_ = void 0, this.declutterImageWithText_ = void 0;
	}
	drawPoint(e, t, n) {
		if (!this.image_ || this.maxExtent && !he(this.maxExtent, e.getFlatCoordinates())) return;
		this.beginGeometry(e, t, n);
		let r = e.getFlatCoordinates(), i = e.getStride(), a = this.coordinates.length, o = this.appendFlatPointCoordinates(r, i);
		this.instructions.push([
			U.DRAW_IMAGE,
			a,
			o,
			this.image_,
			this.anchorX_ * this.imagePixelRatio_,
			this.anchorY_ * this.imagePixelRatio_,
			Math.ceil(this.height_ * this.imagePixelRatio_),
			this.opacity_,
			this.originX_ * this.imagePixelRatio_,
			this.originY_ * this.imagePixelRatio_,
			this.rotateWithView_,
			this.rotation_,
			[this.scale_[0] * this.pixelRatio / this.imagePixelRatio_, this.scale_[1] * this.pixelRatio / this.imagePixelRatio_],
			Math.ceil(this.width_ * this.imagePixelRatio_),
			this.declutterMode_,
			this.declutterImageWithText_
		]), this.hitDetectionInstructions.push([
			U.DRAW_IMAGE,
			a,
			o,
			this.hitDetectionImage_,
			this.anchorX_,
			this.anchorY_,
			this.height_,
			1,
			this.originX_,
			this.originY_,
			this.rotateWithView_,
			this.rotation_,
			this.scale_,
			this.width_,
			this.declutterMode_,
			this.declutterImageWithText_
		]), this.endGeometry(t);
	}
	drawMultiPoint(e, t, n) {
		if (!this.image_) return;
		this.beginGeometry(e, t, n);
		let r = e.getFlatCoordinates(), i = [];
		for (let t = 0, n = r.length; t < n; t += e.getStride()) (!this.maxExtent || he(this.maxExtent, r.slice(t, t + 2))) && i.push(r[t], r[t + 1]);
		let a = this.coordinates.length, o = this.appendFlatPointCoordinates(i, 2);
		this.instructions.push([
			U.DRAW_IMAGE,
			a,
			o,
			this.image_,
			this.anchorX_ * this.imagePixelRatio_,
			this.anchorY_ * this.imagePixelRatio_,
			Math.ceil(this.height_ * this.imagePixelRatio_),
			this.opacity_,
			this.originX_ * this.imagePixelRatio_,
			this.originY_ * this.imagePixelRatio_,
			this.rotateWithView_,
			this.rotation_,
			[this.scale_[0] * this.pixelRatio / this.imagePixelRatio_, this.scale_[1] * this.pixelRatio / this.imagePixelRatio_],
			Math.ceil(this.width_ * this.imagePixelRatio_),
			this.declutterMode_,
			this.declutterImageWithText_
		]), this.hitDetectionInstructions.push([
			U.DRAW_IMAGE,
			a,
			o,
			this.hitDetectionImage_,
			this.anchorX_,
			this.anchorY_,
			this.height_,
			1,
			this.originX_,
			this.originY_,
			this.rotateWithView_,
			this.rotation_,
			this.scale_,
			this.width_,
			this.declutterMode_,
			this.declutterImageWithText_
		]), this.endGeometry(t);
	}
	finish() {
		return this.reverseHitDetectionInstructions(), this.anchorX_ = void 0, this.anchorY_ = void 0, this.hitDetectionImage_ = null, this.image_ = null, this.imagePixelRatio_ = void 0, this.height_ = void 0, this.scale_ = void 0, this.opacity_ = void 0, this.originX_ = void 0, this.originY_ = void 0, this.rotateWithView_ = void 0, this.rotation_ = void 0, this.width_ = void 0, super.finish();
	}
	setImageStyle(e, t) {
		let n = e.getAnchor(), r = e.getSize(), i = e.getOrigin();
		this.imagePixelRatio_ = e.getPixelRatio(this.pixelRatio), this.anchorX_ = n[0], this.anchorY_ = n[1], this.hitDetectionImage_ = e.getHitDetectionImage(), this.image_ = e.getImage(this.pixelRatio), this.height_ = r[1], this.opacity_ = e.getOpacity(), this.originX_ = i[0], this.originY_ = i[1], this.rotateWithView_ = e.getRotateWithView(), this.rotation_ = e.getRotation(), this.scale_ = e.getScaleArray(), this.width_ = r[0], this.declutterMode_ = e.getDeclutterMode(), this.declutterImageWithText_ = t;
	}
}, _c = class extends hc {
	constructor(e, t, n, r) {
		super(e, t, n, r);
	}
	drawFlatCoordinates_(e, t, n, r) {
		let i = this.coordinates.length, a = this.appendFlatLineCoordinates(e, t, n, r, !1, !1), o = [
			U.MOVE_TO_LINE_TO,
			i,
			a
		];
		return this.instructions.push(o), this.hitDetectionInstructions.push(o), n;
	}
	drawLineString(e, t, n) {
		let r = this.state, i = r.strokeStyle, a = r.lineWidth;
		if (i === void 0 || a === void 0) return;
		this.updateStrokeStyle(r, this.applyStroke), this.beginGeometry(e, t, n), this.hitDetectionInstructions.push([
			U.SET_STROKE_STYLE,
			r.strokeStyle,
			r.lineWidth,
			r.lineCap,
			r.lineJoin,
			r.miterLimit,
			bo,
			xo
		], pc);
		let o = e.getFlatCoordinates(), s = e.getStride();
		this.drawFlatCoordinates_(o, 0, o.length, s), this.hitDetectionInstructions.push(fc), this.endGeometry(t);
	}
	drawMultiLineString(e, t, n) {
		let r = this.state, i = r.strokeStyle, a = r.lineWidth;
		if (i === void 0 || a === void 0) return;
		this.updateStrokeStyle(r, this.applyStroke), this.beginGeometry(e, t, n), this.hitDetectionInstructions.push([
			U.SET_STROKE_STYLE,
			r.strokeStyle,
			r.lineWidth,
			r.lineCap,
			r.lineJoin,
			r.miterLimit,
			bo,
			xo
		], pc);
		let o = e.getEnds(), s = e.getFlatCoordinates(), c = e.getStride(), l = 0;
		for (let e = 0, t = o.length; e < t; ++e) l = this.drawFlatCoordinates_(s, l, o[e], c);
		this.hitDetectionInstructions.push(fc), this.endGeometry(t);
	}
	finish() {
		let e = this.state;
		return e.lastStroke != null && e.lastStroke != this.coordinates.length && this.instructions.push(fc), this.reverseHitDetectionInstructions(), this.state = null, super.finish();
	}
	applyStroke(e) {
		e.lastStroke != null && e.lastStroke != this.coordinates.length && (this.instructions.push(fc), e.lastStroke = this.coordinates.length), e.lastStroke = 0, super.applyStroke(e), this.instructions.push(pc);
	}
}, vc = class extends hc {
	constructor(e, t, n, r) {
		super(e, t, n, r);
	}
	drawFlatCoordinatess_(e, t, n, r) {
		let i = this.state, a = i.fillStyle !== void 0, o = i.strokeStyle !== void 0, s = n.length;
		this.instructions.push(pc), this.hitDetectionInstructions.push(pc);
		for (let i = 0; i < s; ++i) {
			let a = n[i], s = this.coordinates.length, c = this.appendFlatLineCoordinates(e, t, a, r, !0, !o), l = [
				U.MOVE_TO_LINE_TO,
				s,
				c
			];
			this.instructions.push(l), this.hitDetectionInstructions.push(l), o && (this.instructions.push(mc), this.hitDetectionInstructions.push(mc)), t = a;
		}
		return a && (this.instructions.push(dc), this.hitDetectionInstructions.push(dc)), o && (this.instructions.push(fc), this.hitDetectionInstructions.push(fc)), t;
	}
	drawCircle(e, t, n) {
		let r = this.state, i = r.fillStyle, a = r.strokeStyle;
		if (i === void 0 && a === void 0) return;
		this.setFillStrokeStyles_(), this.beginGeometry(e, t, n), r.fillStyle !== void 0 && this.hitDetectionInstructions.push([U.SET_FILL_STYLE, vo]), r.strokeStyle !== void 0 && this.hitDetectionInstructions.push([
			U.SET_STROKE_STYLE,
			r.strokeStyle,
			r.lineWidth,
			r.lineCap,
			r.lineJoin,
			r.miterLimit,
			bo,
			xo
		]);
		let o = e.getFlatCoordinates(), s = e.getStride(), c = this.coordinates.length;
		this.appendFlatLineCoordinates(o, 0, o.length, s, !1, !1);
		let l = [U.CIRCLE, c];
		this.instructions.push(pc, l), this.hitDetectionInstructions.push(pc, l), r.fillStyle !== void 0 && (this.instructions.push(dc), this.hitDetectionInstructions.push(dc)), r.strokeStyle !== void 0 && (this.instructions.push(fc), this.hitDetectionInstructions.push(fc)), this.endGeometry(t);
	}
	drawPolygon(e, t, n) {
		let r = this.state, i = r.fillStyle, a = r.strokeStyle;
		if (i === void 0 && a === void 0) return;
		this.setFillStrokeStyles_(), this.beginGeometry(e, t, n), r.fillStyle !== void 0 && this.hitDetectionInstructions.push([U.SET_FILL_STYLE, vo]), r.strokeStyle !== void 0 && this.hitDetectionInstructions.push([
			U.SET_STROKE_STYLE,
			r.strokeStyle,
			r.lineWidth,
			r.lineCap,
			r.lineJoin,
			r.miterLimit,
			bo,
			xo
		]);
		let o = e.getEnds(), s = e.getOrientedFlatCoordinates(), c = e.getStride();
		this.drawFlatCoordinatess_(s, 0, o, c), this.endGeometry(t);
	}
	drawMultiPolygon(e, t, n) {
		let r = this.state, i = r.fillStyle, a = r.strokeStyle;
		if (i === void 0 && a === void 0) return;
		this.setFillStrokeStyles_(), this.beginGeometry(e, t, n), r.fillStyle !== void 0 && this.hitDetectionInstructions.push([U.SET_FILL_STYLE, vo]), r.strokeStyle !== void 0 && this.hitDetectionInstructions.push([
			U.SET_STROKE_STYLE,
			r.strokeStyle,
			r.lineWidth,
			r.lineCap,
			r.lineJoin,
			r.miterLimit,
			bo,
			xo
		]);
		let o = e.getEndss(), s = e.getOrientedFlatCoordinates(), c = e.getStride(), l = 0;
		for (let e = 0, t = o.length; e < t; ++e) l = this.drawFlatCoordinatess_(s, l, o[e], c);
		this.endGeometry(t);
	}
	finish() {
		this.reverseHitDetectionInstructions(), this.state = null;
		let e = this.tolerance;
		if (e !== 0) {
			let t = this.coordinates;
			for (let n = 0, r = t.length; n < r; ++n) t[n] = Ai(t[n], e);
		}
		return super.finish();
	}
	setFillStrokeStyles_() {
		let e = this.state;
		this.updateFillStyle(e, this.createFill), this.updateStrokeStyle(e, this.applyStroke);
	}
};
function yc(e, t, n, r, i) {
	let a = [], o = n, s = 0, c = t.slice(n, 2);
	for (; s < e && o + i < r;) {
		let [n, r] = c.slice(-2), l = t[o + i], u = t[o + i + 1], d = Math.sqrt((l - n) * (l - n) + (u - r) * (u - r));
		if (s += d, s >= e) {
			let t = (e - s + d) / d, f = et(n, l, t), p = et(r, u, t);
			c.push(f, p), a.push(c), c = [f, p], s == e && (o += i), s = 0;
		} else if (s < e) c.push(t[o + i], t[o + i + 1]), o += i;
		else {
			let e = d - s, t = et(n, l, e / d), f = et(r, u, e / d);
			c.push(t, f), a.push(c), c = [t, f], s = 0, o += i;
		}
	}
	return s > 0 && a.push(c), a;
}
function bc(e, t, n, r, i) {
	let a = n, o = n, s = 0, c = 0, l = n, u, d, f, p, m, h, g, _, v, y;
	for (d = n; d < r; d += i) {
		let n = t[d], r = t[d + 1];
		m !== void 0 && (v = n - m, y = r - h, p = Math.sqrt(v * v + y * y), g !== void 0 && (c += f, u = Math.acos((g * v + _ * y) / (f * p)), u > e && (c > s && (s = c, a = l, o = d), c = 0, l = d - i)), f = p, g = v, _ = y), m = n, h = r;
	}
	return c += p, c > s ? [l, d] : [a, o];
}
var xc = {
	left: 0,
	center: .5,
	right: 1,
	top: 0,
	middle: .5,
	hanging: .2,
	alphabetic: .8,
	ideographic: .8,
	bottom: 1
}, Sc = {
	Circle: vc,
	Default: hc,
	Image: gc,
	LineString: _c,
	Polygon: vc,
	Text: class extends hc {
		constructor(e, t, n, r) {
			super(e, t, n, r), this.labels_ = null, this.text_ = "", this.textOffsetX_ = 0, this.textOffsetY_ = 0, this.textRotateWithView_ = void 0, this.textKeepUpright_ = void 0, this.textRotation_ = 0, this.textFillState_ = null, this.fillStates = {}, this.fillStates[vo] = { fillStyle: vo }, this.textStrokeState_ = null, this.strokeStates = {}, this.textState_ = {}, this.textStates = {}, this.textKey_ = "", this.fillKey_ = "", this.strokeKey_ = "", this.declutterMode_ = void 0, this.declutterImageWithText_ = void 0;
		}
		finish() {
			let e = super.finish();
			return e.textStates = this.textStates, e.fillStates = this.fillStates, e.strokeStates = this.strokeStates, e;
		}
		drawText(e, t, n) {
			let r = this.textFillState_, i = this.textStrokeState_, a = this.textState_;
			if (this.text_ === "" || !a || !r && !i) return;
			let o = this.coordinates, s = o.length, c = e.getType(), l = null, u = e.getStride();
			if (a.placement === "line" && (c == "LineString" || c == "MultiLineString" || c == "Polygon" || c == "MultiPolygon")) {
				if (!Ve(this.maxExtent, e.getExtent())) return;
				let r;
				if (l = e.getFlatCoordinates(), c == "LineString") r = [l.length];
				else if (c == "MultiLineString") r = e.getEnds();
				else if (c == "Polygon") r = e.getEnds().slice(0, 1);
				else if (c == "MultiPolygon") {
					let t = e.getEndss();
					r = [];
					for (let e = 0, n = t.length; e < n; ++e) r.push(t[e][0]);
				}
				this.beginGeometry(e, t, n);
				let i = a.repeat, d = i ? void 0 : a.textAlign, f = 0;
				for (let e = 0, t = r.length; e < t; ++e) {
					let t;
					t = i ? yc(i * this.resolution, l, f, r[e], u) : [l.slice(f, r[e])];
					for (let n = 0, i = t.length; n < i; ++n) {
						let i = t[n], c = 0, l = i.length;
						if (d == null) {
							let e = bc(a.maxAngle, i, 0, i.length, 2);
							c = e[0], l = e[1];
						}
						for (let e = c; e < l; e += u) o.push(i[e], i[e + 1]);
						let p = o.length;
						f = r[e], this.drawChars_(s, p), s = p;
					}
				}
				this.endGeometry(t);
			} else {
				let r = a.overflow ? null : [];
				switch (c) {
					case "Point":
					case "MultiPoint":
						l = e.getFlatCoordinates();
						break;
					case "LineString":
						l = e.getFlatMidpoint();
						break;
					case "Circle":
						l = e.getCenter();
						break;
					case "MultiLineString":
						l = e.getFlatMidpoints(), u = 2;
						break;
					case "Polygon":
						l = e.getFlatInteriorPoint(), a.overflow || r.push(l[2] / this.resolution), u = 3;
						break;
					case "MultiPolygon":
						let t = e.getFlatInteriorPoints();
						l = [];
						for (let e = 0, n = t.length; e < n; e += 3) a.overflow || r.push(t[e + 2] / this.resolution), l.push(t[e], t[e + 1]);
						if (l.length === 0) return;
						u = 2;
				}
				let i = this.appendFlatPointCoordinates(l, u);
				if (i === s) return;
				if (r && (i - s) / 2 !== l.length / u) {
					let e = s / 2;
					r = r.filter((t, n) => {
						let r = o[(e + n) * 2] === l[n * u] && o[(e + n) * 2 + 1] === l[n * u + 1];
						return r || --e, r;
					});
				}
				this.saveTextStates_();
				let d = a.backgroundFill ? this.createFill(this.fillStyleToState(a.backgroundFill)) : null, f = a.backgroundStroke ? this.createStroke(this.strokeStyleToState(a.backgroundStroke)) : null;
				this.beginGeometry(e, t, n);
				let p = a.padding;
				if (p != Do && (a.scale[0] < 0 || a.scale[1] < 0)) {
					let e = a.padding[0], t = a.padding[1], n = a.padding[2], r = a.padding[3];
					a.scale[0] < 0 && (t = -t, r = -r), a.scale[1] < 0 && (e = -e, n = -n), p = [
						e,
						t,
						n,
						r
					];
				}
				let m = this.pixelRatio;
				this.instructions.push([
					U.DRAW_IMAGE,
					s,
					i,
					null,
					NaN,
					NaN,
					NaN,
					1,
					0,
					0,
					this.textRotateWithView_,
					this.textRotation_,
					[1, 1],
					NaN,
					this.declutterMode_,
					this.declutterImageWithText_,
					p == Do ? Do : p.map(function(e) {
						return e * m;
					}),
					d,
					f,
					this.text_,
					this.textKey_,
					this.strokeKey_,
					this.fillKey_,
					this.textOffsetX_,
					this.textOffsetY_,
					r
				]);
				let h = 1 / m, g = d ? d.slice(0) : null;
				g && (g[1] = vo), this.hitDetectionInstructions.push([
					U.DRAW_IMAGE,
					s,
					i,
					null,
					NaN,
					NaN,
					NaN,
					1,
					0,
					0,
					this.textRotateWithView_,
					this.textRotation_,
					[h, h],
					NaN,
					this.declutterMode_,
					this.declutterImageWithText_,
					p,
					g,
					f,
					this.text_,
					this.textKey_,
					this.strokeKey_,
					this.fillKey_ ? vo : this.fillKey_,
					this.textOffsetX_,
					this.textOffsetY_,
					r
				]), this.endGeometry(t);
			}
		}
		saveTextStates_() {
			let e = this.textStrokeState_, t = this.textState_, n = this.textFillState_, r = this.strokeKey_;
			e && (r in this.strokeStates || (this.strokeStates[r] = {
				strokeStyle: e.strokeStyle,
				lineCap: e.lineCap,
				lineDashOffset: e.lineDashOffset,
				lineWidth: e.lineWidth,
				lineJoin: e.lineJoin,
				miterLimit: e.miterLimit,
				lineDash: e.lineDash
			}));
			let i = this.textKey_;
			i in this.textStates || (this.textStates[i] = {
				font: t.font,
				textAlign: t.textAlign || To,
				justify: t.justify,
				textBaseline: t.textBaseline || Eo,
				scale: t.scale
			});
			let a = this.fillKey_;
			n && (a in this.fillStates || (this.fillStates[a] = { fillStyle: n.fillStyle }));
		}
		drawChars_(e, t) {
			let n = this.textStrokeState_, r = this.textState_, i = this.strokeKey_, a = this.textKey_, o = this.fillKey_;
			this.saveTextStates_();
			let s = this.pixelRatio, c = xc[r.textBaseline], l = this.textOffsetY_ * s, u = this.text_, d = n ? n.lineWidth * Math.abs(r.scale[0]) / 2 : 0;
			this.instructions.push([
				U.DRAW_CHARS,
				e,
				t,
				c,
				r.overflow,
				o,
				r.maxAngle,
				s,
				l,
				i,
				d * s,
				u,
				a,
				1,
				this.declutterMode_,
				this.textKeepUpright_
			]), this.hitDetectionInstructions.push([
				U.DRAW_CHARS,
				e,
				t,
				c,
				r.overflow,
				o && vo,
				r.maxAngle,
				s,
				l,
				i,
				d * s,
				u,
				a,
				1 / s,
				this.declutterMode_,
				this.textKeepUpright_
			]);
		}
		setTextStyle(e, t) {
			let n, r, i;
			if (!e) this.text_ = "";
			else {
				let t = e.getFill();
				t ? (r = this.textFillState_, r || (r = {}, this.textFillState_ = r), r.fillStyle = co(t.getColor() || vo)) : (r = null, this.textFillState_ = r);
				let a = e.getStroke();
				if (!a) i = null, this.textStrokeState_ = i;
				else {
					i = this.textStrokeState_, i || (i = {}, this.textStrokeState_ = i);
					let e = a.getLineDash(), t = a.getLineDashOffset(), n = a.getWidth(), r = a.getMiterLimit();
					i.lineCap = a.getLineCap() || yo, i.lineDash = e ? e.slice() : bo, i.lineDashOffset = t === void 0 ? xo : t, i.lineJoin = a.getLineJoin() || So, i.lineWidth = n === void 0 ? Oo : n, i.miterLimit = r === void 0 ? Co : r, i.strokeStyle = co(a.getColor() || wo);
				}
				n = this.textState_;
				let o = e.getFont() || _o;
				Fo(o);
				let s = e.getScaleArray();
				n.overflow = e.getOverflow(), n.font = o, n.maxAngle = e.getMaxAngle(), n.placement = e.getPlacement(), n.textAlign = e.getTextAlign(), n.repeat = e.getRepeat(), n.justify = e.getJustify(), n.textBaseline = e.getTextBaseline() || Eo, n.backgroundFill = e.getBackgroundFill(), n.backgroundStroke = e.getBackgroundStroke(), n.padding = e.getPadding() || Do, n.scale = s === void 0 ? [1, 1] : s;
				let c = e.getOffsetX(), l = e.getOffsetY(), u = e.getRotateWithView(), d = e.getKeepUpright(), f = e.getRotation();
				this.text_ = e.getText() || "", this.textOffsetX_ = c === void 0 ? 0 : c, this.textOffsetY_ = l === void 0 ? 0 : l, this.textRotateWithView_ = u !== void 0 && u, this.textKeepUpright_ = d === void 0 || d, this.textRotation_ = f === void 0 ? 0 : f, this.strokeKey_ = i ? (typeof i.strokeStyle == "string" ? i.strokeStyle : L(i.strokeStyle)) + i.lineCap + i.lineDashOffset + "|" + i.lineWidth + i.lineJoin + i.miterLimit + "[" + i.lineDash.join() + "]" : "", this.textKey_ = n.font + n.scale + (n.textAlign || "?") + (n.repeat || "?") + (n.justify || "?") + (n.textBaseline || "?"), this.fillKey_ = r && r.fillStyle ? typeof r.fillStyle == "string" ? r.fillStyle : "|" + L(r.fillStyle) : "";
			}
			this.declutterMode_ = e.getDeclutterMode(), this.declutterImageWithText_ = t;
		}
	}
}, Cc = class {
	constructor(e, t, n, r) {
		this.tolerance_ = e, this.maxExtent_ = t, this.pixelRatio_ = r, this.resolution_ = n, this.buildersByZIndex_ = {};
	}
	finish() {
		let e = {};
		for (let t in this.buildersByZIndex_) {
			e[t] = e[t] || {};
			let n = this.buildersByZIndex_[t];
			for (let r in n) {
				let i = n[r].finish();
				e[t][r] = i;
			}
		}
		return e;
	}
	getBuilder(e, t) {
		let n = e === void 0 ? "0" : e.toString(), r = this.buildersByZIndex_[n];
		r === void 0 && (r = {}, this.buildersByZIndex_[n] = r);
		let i = r[t];
		return i === void 0 && (i = new Sc[t](this.tolerance_, this.maxExtent_, this.resolution_, this.pixelRatio_), r[t] = i), i;
	}
};
function wc(e, t, n, r, i, a, o, s, c, l, u, d, f = !0) {
	let p = e[t], m = e[t + 1], h = 0, g = 0, _ = 0, v = 0;
	function y() {
		h = p, g = m, t += r, p = e[t], m = e[t + 1], v += _, _ = Math.sqrt((p - h) * (p - h) + (m - g) * (m - g));
	}
	do
		y();
	while (t < n - r && v + _ < a);
	let b = _ === 0 ? 0 : (a - v) / _, x = et(h, p, b), S = et(g, m, b), C = t - r, w = v, ee = a + s * c(l, i, u);
	for (; t < n - r && v + _ < ee;) y();
	b = _ === 0 ? 0 : (ee - v) / _;
	let T = et(h, p, b), E = et(g, m, b), D = !1;
	if (f) {
		if (d) {
			let e = [
				x,
				S,
				T,
				E
			];
			$r(e, 0, 4, 2, d, e, e), D = e[0] > e[2];
		} else D = x > T;
	}
	let O = Math.PI, k = [], te = C + r === t;
	t = C, _ = 0, v = w, p = e[t], m = e[t + 1];
	let ne;
	if (te) return y(), ne = Math.atan2(m - g, p - h), D && (ne += ne > 0 ? -O : O), k[0] = [
		(T + x) / 2,
		(E + S) / 2,
		(ee - a) / 2,
		ne,
		i
	], k;
	i = i.replace(/\n/g, " ");
	for (let e = 0, d = i.length; e < d;) {
		y();
		let f = Math.atan2(m - g, p - h);
		if (D && (f += f > 0 ? -O : O), ne !== void 0) {
			let e = f - ne;
			if (e += e > O ? -2 * O : e < -O ? 2 * O : 0, Math.abs(e) > o) return null;
		}
		ne = f;
		let x = e, S = 0;
		for (; e < d; ++e) {
			let o = D ? d - e - 1 : e, f = s * c(l, i[o], u);
			if (t + r < n && v + _ < a + S + f / 2) break;
			S += f;
		}
		if (e === x) continue;
		let C = D ? i.substring(d - x, d - e) : i.substring(x, e);
		b = _ === 0 ? 0 : (a + S / 2 - v) / _;
		let w = et(h, p, b), ee = et(g, m, b);
		k.push([
			w,
			ee,
			S / 2,
			f,
			C
		]), a += S;
	}
	return k;
}
var Tc = class {
	constructor() {
		this.instructions_ = [], this.zIndex = 0, this.offset_ = 0, this.context_ = new Proxy(Sa(), {
			get: (e, t) => {
				if (typeof Sa()[t] == "function") return this.push_(t), this.pushMethodArgs_;
			},
			set: (e, t, n) => (this.push_(t, n), !0)
		});
	}
	push_(...e) {
		let t = this.instructions_, n = this.zIndex + this.offset_;
		t[n] || (t[n] = []), t[n].push(...e);
	}
	pushMethodArgs_ = (...e) => (this.push_(e), this);
	pushFunction(e) {
		this.push_(e);
	}
	getContext() {
		return this.context_;
	}
	draw(e) {
		this.instructions_.forEach((t) => {
			for (let n = 0, r = t.length; n < r; ++n) {
				let r = t[n];
				if (typeof r == "function") {
					r(e);
					continue;
				}
				let i = t[++n];
				if (typeof e[r] == "function") e[r](...i);
				else {
					if (typeof i == "function") {
						e[r] = i(e);
						continue;
					}
					e[r] = i;
				}
			}
		});
	}
	clear() {
		this.instructions_.length = 0, this.zIndex = 0, this.offset_ = 0;
	}
	offset() {
		this.offset_ = this.instructions_.length, this.zIndex = 0;
	}
}, Ec = ye(), Dc = [], Oc = [], kc = [], Ac = [];
function jc(e) {
	return e[3].declutterBox;
}
var Mc = /* @__PURE__ */ RegExp("[֑-ࣿיִ-﷿ﹰ-ﻼࠀ-࿿-]");
function Nc(e, t) {
	return t === "start" ? t = Mc.test(e) ? "right" : "left" : t === "end" && (t = Mc.test(e) ? "left" : "right"), xc[t];
}
function Pc(e, t, n) {
	return n > 0 && e.push("\n", ""), e.push(t, ""), e;
}
function Fc(e, t, n) {
	return n % 2 == 0 && (e += t), e;
}
var Ic = class {
	constructor(e, t, n, r, i) {
		this.overlaps = n, this.pixelRatio = t, this.resolution = e, this.alignAndScaleFill_, this.instructions = r.instructions, this.coordinates = r.coordinates, this.coordinateCache_ = {}, this.renderedTransform_ = zr(), this.hitDetectionInstructions = r.hitDetectionInstructions, this.pixelCoordinates_ = null, this.viewRotation_ = 0, this.fillStates = r.fillStates || {}, this.strokeStates = r.strokeStates || {}, this.textStates = r.textStates || {}, this.widths_ = {}, this.labels_ = {}, this.zIndexContext_ = i ? new Tc() : null;
	}
	getZIndexContext() {
		return this.zIndexContext_;
	}
	createLabel(e, t, n, r) {
		let i = e + t + n + r;
		if (this.labels_[i]) return this.labels_[i];
		let a = r ? this.strokeStates[r] : null, o = n ? this.fillStates[n] : null, s = this.textStates[t], c = this.pixelRatio, l = [s.scale[0] * c, s.scale[1] * c], u = s.justify ? xc[s.justify] : Nc(Array.isArray(e) ? e[0] : e, s.textAlign || To), d = r && a.lineWidth ? a.lineWidth : 0, f = Array.isArray(e) ? e : String(e).split("\n").reduce(Pc, []), { width: p, height: m, widths: h, heights: g, lineWidths: _ } = Bo(s, f), v = p + d, y = [], b = (v + 2) * l[0], x = (m + d) * l[1], S = {
			width: b < 0 ? Math.floor(b) : Math.ceil(b),
			height: x < 0 ? Math.floor(x) : Math.ceil(x),
			contextInstructions: y
		};
		(l[0] != 1 || l[1] != 1) && y.push("scale", l), r && (y.push("strokeStyle", a.strokeStyle), y.push("lineWidth", d), y.push("lineCap", a.lineCap), y.push("lineJoin", a.lineJoin), y.push("miterLimit", a.miterLimit), y.push("setLineDash", [a.lineDash]), y.push("lineDashOffset", a.lineDashOffset)), n && y.push("fillStyle", o.fillStyle), y.push("textBaseline", "middle"), y.push("textAlign", "center");
		let C = .5 - u, w = u * v + C * d, ee = [], T = [], E = 0, D = 0, O = 0, k = 0, te;
		for (let e = 0, t = f.length; e < t; e += 2) {
			let t = f[e];
			if (t === "\n") {
				D += E, E = 0, w = u * v + C * d, ++k;
				continue;
			}
			let i = f[e + 1] || s.font;
			i !== te && (r && ee.push("font", i), n && T.push("font", i), te = i), E = Math.max(E, g[O]);
			let a = [
				t,
				w + C * h[O] + u * (h[O] - _[k]),
				.5 * (d + E) + D
			];
			w += h[O], r && ee.push("strokeText", a), n && T.push("fillText", a), ++O;
		}
		return Array.prototype.push.apply(y, ee), Array.prototype.push.apply(y, T), this.labels_[i] = S, S;
	}
	replayTextBackground_(e, t, n, r, i, a, o) {
		e.beginPath(), e.moveTo.apply(e, t), e.lineTo.apply(e, n), e.lineTo.apply(e, r), e.lineTo.apply(e, i), e.lineTo.apply(e, t), a && (this.alignAndScaleFill_ = a[2], e.fillStyle = a[1], this.fill_(e)), o && (this.setStrokeStyle_(e, o), e.stroke());
	}
	calculateImageOrLabelDimensions_(e, t, n, r, i, a, o, s, c, l, u, d, f, p, m, h) {
		o *= d[0], s *= d[1];
		let g = n - o, _ = r - s, v = i + c > e ? e - c : i, y = a + l > t ? t - l : a, b = p[3] + v * d[0] + p[1], x = p[0] + y * d[1] + p[2], S = g - p[3], C = _ - p[0];
		(m || u !== 0) && (Dc[0] = S, Ac[0] = S, Dc[1] = C, Oc[1] = C, Oc[0] = S + b, kc[0] = Oc[0], kc[1] = C + x, Ac[1] = kc[1]);
		let w;
		return u === 0 ? be(Math.min(S, S + b), Math.min(C, C + x), Math.max(S, S + b), Math.max(C, C + x), Ec) : (w = Gr(zr(), n, r, 1, 1, u, -n, -r), Ur(w, Dc), Ur(w, Oc), Ur(w, kc), Ur(w, Ac), be(Math.min(Dc[0], Oc[0], kc[0], Ac[0]), Math.min(Dc[1], Oc[1], kc[1], Ac[1]), Math.max(Dc[0], Oc[0], kc[0], Ac[0]), Math.max(Dc[1], Oc[1], kc[1], Ac[1]), Ec)), f && (g = Math.round(g), _ = Math.round(_)), {
			drawImageX: g,
			drawImageY: _,
			drawImageW: v,
			drawImageH: y,
			originX: c,
			originY: l,
			declutterBox: {
				minX: Ec[0],
				minY: Ec[1],
				maxX: Ec[2],
				maxY: Ec[3],
				value: h
			},
			canvasTransform: w,
			scale: d
		};
	}
	replayImageOrLabel_(e, t, n, r, i, a, o) {
		let s = !!(a || o), c = r.declutterBox, l = o ? o[2] * r.scale[0] / 2 : 0;
		return c.minX - l <= t[0] && c.maxX + l >= 0 && c.minY - l <= t[1] && c.maxY + l >= 0 && (s && this.replayTextBackground_(e, Dc, Oc, kc, Ac, a, o), Vo(e, r.canvasTransform, i, n, r.originX, r.originY, r.drawImageW, r.drawImageH, r.drawImageX, r.drawImageY, r.scale)), !0;
	}
	fill_(e) {
		let t = this.alignAndScaleFill_;
		if (t) {
			let n = Ur(this.renderedTransform_, [0, 0]), r = 512 * this.pixelRatio;
			e.save(), e.translate(n[0] % r, n[1] % r), t !== 1 && e.scale(t, t), e.rotate(this.viewRotation_);
		}
		e.fill(), t && e.restore();
	}
	setStrokeStyle_(e, t) {
		e.strokeStyle = t[1], t[1] && (e.lineWidth = t[2], e.lineCap = t[3], e.lineJoin = t[4], e.miterLimit = t[5], e.lineDashOffset = t[7], e.setLineDash(t[6]));
	}
	drawLabelWithPointPlacement_(e, t, n, r) {
		let i = this.textStates[t], a = this.createLabel(e, t, r, n), o = this.strokeStates[n], s = this.pixelRatio, c = Nc(Array.isArray(e) ? e[0] : e, i.textAlign || To), l = xc[i.textBaseline || Eo], u = o && o.lineWidth ? o.lineWidth : 0;
		return {
			label: a,
			anchorX: c * (a.width / s - 2 * i.scale[0]) + 2 * (.5 - c) * u,
			anchorY: l * a.height / s + 2 * (.5 - l) * u
		};
	}
	execute_(e, t, n, r, i, a, o, s) {
		let c = this.zIndexContext_, l;
		this.pixelCoordinates_ && wr(n, this.renderedTransform_) ? l = this.pixelCoordinates_ : (this.pixelCoordinates_ ||= [], l = Qr(this.coordinates, 0, this.coordinates.length, 2, n, this.pixelCoordinates_), Hr(this.renderedTransform_, n));
		let u = 0, d = r.length, f = 0, p, m, h, g, _, v, y, b, x, S, C, w, ee, T = 0, E = 0, D = this.coordinateCache_, O = this.viewRotation_, k = Math.round(Math.atan2(-n[1], n[0]) * 1e12) / 1e12, te = {
			context: e,
			pixelRatio: this.pixelRatio,
			resolution: this.resolution,
			rotation: O
		}, ne = this.instructions != r || this.overlaps ? 0 : 200, re, A, j, ie;
		for (; u < d;) {
			let n = r[u];
			switch (n[0]) {
				case U.BEGIN_GEOMETRY:
					re = n[1], ie = n[3], re.getGeometry() ? o !== void 0 && !Ve(o, ie.getExtent()) ? u = n[2] + 1 : ++u : u = n[2], c && (c.zIndex = n[4]);
					break;
				case U.BEGIN_PATH:
					T > ne && (this.fill_(e), T = 0), E > ne && (e.stroke(), E = 0), !T && !E && (e.beginPath(), _ = NaN, v = NaN), ++u;
					break;
				case U.CIRCLE:
					f = n[1];
					let r = l[f], d = l[f + 1], M = l[f + 2], ae = l[f + 3], N = M - r, oe = ae - d, se = Math.sqrt(N * N + oe * oe);
					e.moveTo(r + se, d), e.arc(r, d, se, 0, 2 * Math.PI, !0), ++u;
					break;
				case U.CLOSE_PATH:
					e.closePath(), ++u;
					break;
				case U.CUSTOM:
					f = n[1], p = n[2];
					let ce = n[3], le = n[4], ue = n[5];
					te.geometry = ce, te.feature = re, u in D || (D[u] = []);
					let P = D[u];
					ue ? ue(l, f, p, 2, P) : (P[0] = l[f], P[1] = l[f + 1], P.length = 2), c && (c.zIndex = n[6]), le(P, te), ++u;
					break;
				case U.DRAW_IMAGE:
					f = n[1], p = n[2], x = n[3], m = n[4], h = n[5];
					let de = n[6], fe = n[7], pe = n[8], me = n[9], he = n[10], ge = n[11], _e = n[12], ve = n[13];
					g = n[14] || "declutter";
					let ye = n[15];
					if (!x && n.length >= 20) {
						S = n[19], C = n[20], w = n[21], ee = n[22];
						let e = this.drawLabelWithPointPlacement_(S, C, w, ee);
						x = e.label, n[3] = x;
						let t = n[23];
						m = (e.anchorX - t) * this.pixelRatio, n[4] = m;
						let r = n[24];
						h = (e.anchorY - r) * this.pixelRatio, n[5] = h, de = x.height, n[6] = de, ve = x.width, n[13] = ve;
					}
					let be;
					n.length > 25 && (be = n[25]);
					let xe, Se, Ce;
					n.length > 17 ? (xe = n[16], Se = n[17], Ce = n[18]) : (xe = Do, Se = null, Ce = null), he && k ? ge += O : !he && !k && (ge -= O);
					let we = 0;
					for (; f < p; f += 2) {
						if (be && be[we++] < ve / this.pixelRatio) continue;
						let n = this.calculateImageOrLabelDimensions_(x.width, x.height, l[f], l[f + 1], ve, de, m, h, pe, me, ge, _e, i, xe, !!Se || !!Ce, re), r = [
							e,
							t,
							x,
							n,
							fe,
							Se,
							Ce
						];
						if (s) {
							let e, t, i;
							if (ye) {
								let n = p - f;
								if (!ye[n]) {
									ye[n] = {
										args: r,
										declutterMode: g
									};
									continue;
								}
								let a = ye[n];
								e = a.args, t = a.declutterMode, delete ye[n], i = jc(e);
							}
							let a, o;
							if (e && (t !== "declutter" || !s.collides(i)) && (a = !0), g === "declutter" && s.collides(n.declutterBox) || (o = !0), t === "declutter" && g === "declutter") {
								let e = a && o;
								a = e, o = e;
							}
							a && (t !== "none" && s.insert(i), this.replayImageOrLabel_.apply(this, e)), o && (g !== "none" && s.insert(n.declutterBox), this.replayImageOrLabel_.apply(this, r));
						} else this.replayImageOrLabel_.apply(this, r);
					}
					++u;
					break;
				case U.DRAW_CHARS:
					let Te = n[1], Ee = n[2], De = n[3], Oe = n[4];
					ee = n[5];
					let ke = n[6], Ae = n[7], je = n[8];
					w = n[9];
					let Me = n[10];
					S = n[11], Array.isArray(S) && (S = S.reduce(Fc, "")), C = n[12];
					let Ne = [n[13], n[13]];
					g = n[14] || "declutter";
					let Pe = n[15], Fe = this.textStates[C], Ie = Fe.font, Le = [Fe.scale[0] * Ae, Fe.scale[1] * Ae], Re;
					Ie in this.widths_ ? Re = this.widths_[Ie] : (Re = {}, this.widths_[Ie] = Re);
					let ze = Ji(l, Te, Ee, 2), Be = Math.abs(Le[0]) * zo(Ie, S, Re);
					if (Oe || Be <= ze) {
						let n = this.textStates[C].textAlign, r = (ze - Be) * Nc(S, n), i = wc(l, Te, Ee, 2, S, r, ke, Math.abs(Le[0]), zo, Ie, Re, k ? 0 : this.viewRotation_, Pe);
						e: if (i) {
							let n = [], r, a, o, c, l;
							if (w) for (r = 0, a = i.length; r < a; ++r) {
								l = i[r], o = l[4], c = this.createLabel(o, C, "", w), m = l[2] + (Le[0] < 0 ? -Me : Me), h = De * c.height + (.5 - De) * 2 * Me * Le[1] / Le[0] - je;
								let a = this.calculateImageOrLabelDimensions_(c.width, c.height, l[0], l[1], c.width, c.height, m, h, 0, 0, l[3], Ne, !1, Do, !1, re);
								if (s && g === "declutter" && s.collides(a.declutterBox)) break e;
								n.push([
									e,
									t,
									c,
									a,
									1,
									null,
									null
								]);
							}
							if (ee) for (r = 0, a = i.length; r < a; ++r) {
								l = i[r], o = l[4], c = this.createLabel(o, C, ee, ""), m = l[2], h = De * c.height - je;
								let a = this.calculateImageOrLabelDimensions_(c.width, c.height, l[0], l[1], c.width, c.height, m, h, 0, 0, l[3], Ne, !1, Do, !1, re);
								if (s && g === "declutter" && s.collides(a.declutterBox)) break e;
								n.push([
									e,
									t,
									c,
									a,
									1,
									null,
									null
								]);
							}
							s && g !== "none" && s.load(n.map(jc));
							for (let e = 0, t = n.length; e < t; ++e) this.replayImageOrLabel_.apply(this, n[e]);
						}
					}
					++u;
					break;
				case U.END_GEOMETRY:
					if (a !== void 0) {
						re = n[1];
						let e = a(re, ie, g);
						if (e) return e;
					}
					++u;
					break;
				case U.FILL:
					ne ? T++ : this.fill_(e), ++u;
					break;
				case U.MOVE_TO_LINE_TO:
					for (f = n[1], p = n[2], A = l[f], j = l[f + 1], e.moveTo(A, j), _ = A + .5 | 0, v = j + .5 | 0, f += 2; f < p; f += 2) A = l[f], j = l[f + 1], y = A + .5 | 0, b = j + .5 | 0, (f == p - 2 || y !== _ || b !== v) && (e.lineTo(A, j), _ = y, v = b);
					++u;
					break;
				case U.SET_FILL_STYLE:
					this.alignAndScaleFill_ = n[2], T && (this.fill_(e), T = 0, E &&= (e.stroke(), 0)), e.fillStyle = n[1], ++u;
					break;
				case U.SET_STROKE_STYLE:
					E &&= (e.stroke(), 0), this.setStrokeStyle_(e, n), ++u;
					break;
				case U.STROKE:
					ne ? E++ : e.stroke(), ++u;
					break;
				default: ++u;
			}
		}
		T && this.fill_(e), E && e.stroke();
	}
	execute(e, t, n, r, i, a) {
		this.viewRotation_ = r, this.execute_(e, t, n, this.instructions, i, void 0, void 0, a);
	}
	executeHitDetection(e, t, n, r, i) {
		return this.viewRotation_ = n, this.execute_(e, [e.canvas.width, e.canvas.height], t, this.hitDetectionInstructions, !0, r, i);
	}
}, Lc = [
	"Polygon",
	"Circle",
	"LineString",
	"Image",
	"Text",
	"Default"
], Rc = ["Image", "Text"], zc = Lc.filter((e) => !Rc.includes(e)), Bc = class {
	constructor(e, t, n, r, i, a, o) {
		this.maxExtent_ = e, this.overlaps_ = r, this.pixelRatio_ = n, this.resolution_ = t, this.renderBuffer_ = a, this.executorsByZIndex_ = {}, this.hitDetectionContext_ = null, this.hitDetectionTransform_ = zr(), this.renderedContext_ = null, this.deferredZIndexContexts_ = {}, this.createExecutors_(i, o);
	}
	clip(e, t) {
		let n = this.getClipCoords(t);
		e.beginPath(), e.moveTo(n[0], n[1]), e.lineTo(n[2], n[3]), e.lineTo(n[4], n[5]), e.lineTo(n[6], n[7]), e.clip();
	}
	createExecutors_(e, t) {
		for (let n in e) {
			let r = this.executorsByZIndex_[n];
			r === void 0 && (r = {}, this.executorsByZIndex_[n] = r);
			let i = e[n];
			for (let e in i) {
				let n = i[e];
				r[e] = new Ic(this.resolution_, this.pixelRatio_, this.overlaps_, n, t);
			}
		}
	}
	hasExecutors(e) {
		for (let t in this.executorsByZIndex_) {
			let n = this.executorsByZIndex_[t];
			for (let t = 0, r = e.length; t < r; ++t) if (e[t] in n) return !0;
		}
		return !1;
	}
	forEachFeatureAtCoordinate(e, t, n, r, i, a) {
		r = Math.round(r);
		let o = r * 2 + 1, s = Gr(this.hitDetectionTransform_, r + .5, r + .5, 1 / t, -1 / t, -n, -e[0], -e[1]), c = !this.hitDetectionContext_;
		c && (this.hitDetectionContext_ = ba(o, o));
		let l = this.hitDetectionContext_;
		l.canvas.width !== o || l.canvas.height !== o ? (l.canvas.width = o, l.canvas.height = o) : c || l.clearRect(0, 0, o, o);
		let u;
		this.renderBuffer_ !== void 0 && (u = ye(), Ee(u, e), fe(u, t * (this.renderBuffer_ + r), u));
		let d = Hc(r), f;
		function p(e, t, n) {
			let s = l.getImageData(0, 0, o, o).data;
			for (let c = 0, u = d.length; c < u; c++) if (s[d[c]] > 0) {
				if (!a || n === "none" || f !== "Image" && f !== "Text" || a.includes(e)) {
					let n = (d[c] - 3) / 4, a = r - n % o, s = r - (n / o | 0), l = i(e, t, a * a + s * s);
					if (l) return l;
				}
				l.clearRect(0, 0, o, o);
				break;
			}
		}
		let m = Object.keys(this.executorsByZIndex_).map(Number);
		m.sort(yr);
		let h, g, _, v, y;
		for (h = m.length - 1; h >= 0; --h) {
			let e = m[h].toString();
			for (_ = this.executorsByZIndex_[e], g = Lc.length - 1; g >= 0; --g) if (f = Lc[g], v = _[f], v !== void 0 && (y = v.executeHitDetection(l, s, n, p, u), y)) return y;
		}
	}
	getClipCoords(e) {
		let t = this.maxExtent_;
		if (!t) return null;
		let n = t[0], r = t[1], i = t[2], a = t[3], o = [
			n,
			r,
			n,
			a,
			i,
			a,
			i,
			r
		];
		return Qr(o, 0, 8, 2, e, o), o;
	}
	isEmpty() {
		return Ft(this.executorsByZIndex_);
	}
	execute(e, t, n, r, i, a, o) {
		let s = Object.keys(this.executorsByZIndex_).map(Number);
		s.sort(o ? br : yr), a ||= Lc;
		let c = Lc.length;
		for (let l = 0, u = s.length; l < u; ++l) {
			let u = s[l].toString(), d = this.executorsByZIndex_[u];
			for (let u = 0, f = a.length; u < f; ++u) {
				let f = a[u], p = d[f];
				if (p !== void 0) {
					let a = o === null ? void 0 : p.getZIndexContext(), u = a ? a.getContext() : e, d = this.maxExtent_ && f !== "Image" && f !== "Text";
					if (d && (u.save(), this.clip(u, n)), !a || f === "Text" || f === "Image" ? p.execute(u, t, n, r, i, o) : a.pushFunction((e) => p.execute(e, t, n, r, i, o)), d && u.restore(), a) {
						a.offset();
						let e = s[l] * c + Lc.indexOf(f);
						this.deferredZIndexContexts_[e] || (this.deferredZIndexContexts_[e] = []), this.deferredZIndexContexts_[e].push(a);
					}
				}
			}
		}
		this.renderedContext_ = e;
	}
	getDeferredZIndexContexts() {
		return this.deferredZIndexContexts_;
	}
	getRenderedContext() {
		return this.renderedContext_;
	}
	renderDeferred() {
		let e = this.deferredZIndexContexts_, t = Object.keys(e).map(Number).sort(yr);
		for (let n = 0, r = t.length; n < r; ++n) e[t[n]].forEach((e) => {
			e.draw(this.renderedContext_), e.clear();
		}), e[t[n]].length = 0;
	}
}, Vc = {};
function Hc(e) {
	if (Vc[e] !== void 0) return Vc[e];
	let t = e * 2 + 1, n = e * e, r = Array(n + 1);
	for (let i = 0; i <= e; ++i) for (let a = 0; a <= e; ++a) {
		let o = i * i + a * a;
		if (o > n) break;
		let s = r[o];
		s || (s = [], r[o] = s), s.push(((e + i) * t + (e + a)) * 4 + 3), i > 0 && s.push(((e - i) * t + (e + a)) * 4 + 3), a > 0 && (s.push(((e + i) * t + (e - a)) * 4 + 3), i > 0 && s.push(((e - i) * t + (e - a)) * 4 + 3));
	}
	let i = [];
	for (let e = 0, t = r.length; e < t; ++e) r[e] && i.push(...r[e]);
	return Vc[e] = i, i;
}
var Uc = .5;
function Wc(e, t, n, r, i, a, o, s, c) {
	let l = i, u = ba(e[0] * Uc, e[1] * Uc);
	u.imageSmoothingEnabled = !1;
	let d = u.canvas, f = new _s(u, Uc, i, null, o, s, null), p = n.length, m = Math.floor(0xffffff / p), h = {};
	for (let e = 1; e <= p; ++e) {
		let t = n[e - 1], i = t.getStyleFunction() || r;
		if (!i) continue;
		let o = i(t, a);
		if (!o) continue;
		Array.isArray(o) || (o = [o]);
		let s = (e * m).toString(16).padStart(7, "#00000");
		for (let e = 0, n = o.length; e < n; ++e) {
			let n = o[e], r = n.getGeometryFunction()(t);
			if (!r || !Ve(l, r.getExtent())) continue;
			let i = n.clone(), a = i.getFill();
			a && a.setColor(s);
			let c = i.getStroke();
			c && (c.setColor(s), c.setLineDash(null)), i.setText(void 0);
			let u = n.getImage();
			if (u) {
				let e = u.getImageSize();
				if (!e) continue;
				let t = ba(e[0], e[1], void 0, { alpha: !1 }), n = t.canvas;
				t.fillStyle = s, t.fillRect(0, 0, n.width, n.height), i.setImage(new Zo({
					img: n,
					anchor: u.getAnchor(),
					anchorXUnits: "pixels",
					anchorYUnits: "pixels",
					offset: u.getOrigin(),
					opacity: 1,
					size: u.getSize(),
					scale: u.getScale(),
					rotation: u.getRotation(),
					rotateWithView: u.getRotateWithView()
				}));
			}
			let d = i.getZIndex() || 0, f = h[d];
			f || (f = {}, h[d] = f, f.Polygon = [], f.Circle = [], f.LineString = [], f.Point = []);
			let p = r.getType();
			if (p === "GeometryCollection") {
				let e = r.getGeometriesArrayRecursive();
				for (let t = 0, n = e.length; t < n; ++t) {
					let n = e[t];
					f[n.getType().replace("Multi", "")].push(n, i);
				}
			} else f[p.replace("Multi", "")].push(r, i);
		}
	}
	let g = Object.keys(h).map(Number).sort(yr);
	for (let e = 0, n = g.length; e < n; ++e) {
		let n = h[g[e]];
		for (let e in n) {
			let r = n[e];
			for (let e = 0, n = r.length; e < n; e += 2) {
				f.setStyle(r[e + 1]);
				for (let n = 0, i = t.length; n < i; ++n) f.setTransform(t[n]), f.drawGeometry(r[e]);
			}
		}
	}
	return u.getImageData(0, 0, d.width, d.height);
}
function Gc(e, t, n) {
	let r = [];
	if (n) {
		let i = Math.floor(Math.round(e[0]) * Uc), a = Math.floor(Math.round(e[1]) * Uc), o = (qe(i, 0, n.width - 1) + qe(a, 0, n.height - 1) * n.width) * 4, s = n.data[o], c = n.data[o + 1], l = n.data[o + 2] + 256 * (c + 256 * s), u = Math.floor(0xffffff / t.length);
		l && l % u === 0 && r.push(t[l / u - 1]);
	}
	return r;
}
var Kc = class extends jr {
	constructor(e, t, n, r) {
		super(e), this.inversePixelTransform = t, this.frameState = n, this.context = r;
	}
}, qc = 5, Jc = class extends Pr {
	constructor(e) {
		super(), this.ready = !0, this.boundHandleImageChange_ = this.handleImageChange_.bind(this), this.layer_ = e, this.staleKeys_ = [], this.maxStaleKeys = qc;
	}
	getStaleKeys() {
		return this.staleKeys_;
	}
	prependStaleKey(e) {
		this.staleKeys_.unshift(e), this.staleKeys_.length > this.maxStaleKeys && (this.staleKeys_.length = this.maxStaleKeys);
	}
	getFeatures(e) {
		return I();
	}
	getData(e) {
		return null;
	}
	prepareFrame(e) {
		return I();
	}
	renderFrame(e, t) {
		return I();
	}
	forEachFeatureAtCoordinate(e, t, n, r, i) {}
	getLayer() {
		return this.layer_;
	}
	handleFontsChanged() {}
	handleImageChange_(e) {
		let t = e.target;
		(t.getState() === H.LOADED || t.getState() === H.ERROR) && this.renderIfReadyAndVisible();
	}
	loadImage(e) {
		let t = e.getState();
		return t != H.LOADED && t != H.ERROR && e.addEventListener(R.CHANGE, this.boundHandleImageChange_), t == H.IDLE && (e.load(), t = e.getState()), t == H.LOADED;
	}
	renderIfReadyAndVisible() {
		let e = this.getLayer();
		e && e.getVisible() && e.getSourceState() === "ready" && e.changed();
	}
	renderDeferred(e) {}
	disposeInternal() {
		delete this.layer_, super.disposeInternal();
	}
}, Yc = [], Xc = null;
function Zc() {
	Xc = ba(1, 1, void 0, { willReadFrequently: !0 });
}
var Qc = class extends Jc {
	constructor(e) {
		super(e), this.container = null, this.renderedResolution, this.tempTransform = zr(), this.pixelTransform = zr(), this.inversePixelTransform = zr(), this.context = null, this.deferredContext_ = null, this.containerReused = !1, this.frameState = null;
	}
	getImageData(e, t, n) {
		Xc || Zc(), Xc.clearRect(0, 0, 1, 1);
		let r;
		try {
			Xc.drawImage(e, t, n, 1, 1, 0, 0, 1, 1), r = Xc.getImageData(0, 0, 1, 1).data;
		} catch {
			return Xc = null, null;
		}
		return r;
	}
	getBackground(e) {
		let t = this.getLayer().getBackground();
		return typeof t == "function" && (t = t(e.viewState.resolution)), t || void 0;
	}
	useContainer(e, t, n) {
		let r = this.getLayer().getClassName(), i, a;
		if (e && e.className === r && (!n || e && e.style.backgroundColor && wr(Za(e.style.backgroundColor), Za(n)))) {
			let t = e.firstElementChild;
			Oa(t) && (a = t.getContext("2d"));
		}
		if (a && Zr(a.canvas.style.transform, t) ? (this.container = e, this.context = a, this.containerReused = !0) : this.containerReused ? (this.container = null, this.context = null, this.containerReused = !1) : this.container && (this.container.style.backgroundColor = null), !this.container) {
			i = _a ? Da() : document.createElement("div"), i.className = r;
			let e = i.style;
			e.position = "absolute", e.width = "100%", e.height = "100%", a = ba();
			let t = a.canvas;
			i.appendChild(t), e = t.style, e.position = "absolute", e.left = "0", e.transformOrigin = "top left", this.container = i, this.context = a;
		}
		!this.containerReused && n && !this.container.style.backgroundColor && (this.container.style.backgroundColor = n);
	}
	clipUnrotated(e, t, n) {
		let r = ze(n), i = Be(n), a = Me(n), o = je(n);
		Ur(t.coordinateToPixelTransform, r), Ur(t.coordinateToPixelTransform, i), Ur(t.coordinateToPixelTransform, a), Ur(t.coordinateToPixelTransform, o);
		let s = this.inversePixelTransform;
		Ur(s, r), Ur(s, i), Ur(s, a), Ur(s, o), e.save(), e.beginPath(), e.moveTo(Math.round(r[0]), Math.round(r[1])), e.lineTo(Math.round(i[0]), Math.round(i[1])), e.lineTo(Math.round(a[0]), Math.round(a[1])), e.lineTo(Math.round(o[0]), Math.round(o[1])), e.clip();
	}
	prepareContainer(e, t) {
		let n = e.extent, r = e.viewState.resolution, i = e.viewState.rotation, a = e.pixelRatio, o = Math.round(F(n) / r * a), s = Math.round(Le(n) / r * a);
		Gr(this.pixelTransform, e.size[0] / 2, e.size[1] / 2, 1 / a, 1 / a, i, -o / 2, -s / 2), Kr(this.inversePixelTransform, this.pixelTransform);
		let c = Yr(this.pixelTransform);
		if (this.useContainer(t, c, this.getBackground(e)), !this.containerReused) {
			let e = this.context.canvas;
			e.width != o || e.height != s ? (e.width = o, e.height = s) : this.context.clearRect(0, 0, o, s), c !== e.style.transform && (e.style.transform = c);
		}
	}
	dispatchRenderEvent_(e, t, n) {
		let r = this.getLayer();
		if (r.hasListener(e)) {
			let i = new Kc(e, this.inversePixelTransform, n, t);
			r.dispatchEvent(i);
		}
	}
	preRender(e, t) {
		this.frameState = t, !t.declutter && this.dispatchRenderEvent_(hs.PRERENDER, e, t);
	}
	postRender(e, t) {
		t.declutter || this.dispatchRenderEvent_(hs.POSTRENDER, e, t);
	}
	renderDeferredInternal(e) {}
	getRenderContext(e) {
		return e.declutter && !this.deferredContext_ && (this.deferredContext_ = new Tc()), e.declutter ? this.deferredContext_.getContext() : this.context;
	}
	renderDeferred(e) {
		e.declutter && (this.dispatchRenderEvent_(hs.PRERENDER, this.context, e), e.declutter && this.deferredContext_ && (this.deferredContext_.draw(this.context), this.deferredContext_.clear()), this.renderDeferredInternal(e), this.dispatchRenderEvent_(hs.POSTRENDER, this.context, e));
	}
	getRenderTransform(e, t, n, r, i, a, o) {
		let s = i / 2, c = a / 2, l = r / t, u = -l, d = -e[0] + o, f = -e[1];
		return Gr(this.tempTransform, s, c, l, u, -n, d, f);
	}
	disposeInternal() {
		delete this.frameState, super.disposeInternal();
	}
}, $c = class extends Qc {
	constructor(e) {
		super(e), this.boundHandleStyleImageChange_ = this.handleStyleImageChange_.bind(this), this.animatingOrInteracting_, this.hitDetectionImageData_ = null, this.clipped_ = !1, this.renderedFeatures_ = null, this.renderedRevision_ = -1, this.renderedResolution_ = NaN, this.renderedExtent_ = ye(), this.wrappedRenderedExtent_ = ye(), this.renderedRotation_, this.renderedCenter_ = null, this.renderedProjection_ = null, this.renderedPixelRatio_ = 1, this.renderedRenderOrder_ = null, this.renderedFrameDeclutter_, this.replayGroup_ = null, this.replayGroupChanged = !0, this.clipping = !0, this.targetContext_ = null, this.opacity_ = 1;
	}
	renderWorlds(e, t, n) {
		let r = t.extent, i = t.viewState, a = i.center, o = i.resolution, s = i.projection, c = i.rotation, l = s.getExtent(), u = this.getLayer().getSource(), d = this.getLayer().getDeclutter(), f = t.pixelRatio, p = t.viewHints, m = !(p[uc.ANIMATING] || p[uc.INTERACTING]), h = this.context, g = Math.round(F(r) / o * f), _ = Math.round(Le(r) / o * f), v = u.getWrapX() && s.canWrapX(), y = v ? F(l) : null, b = v ? Math.ceil((r[2] - l[2]) / y) + 1 : 1, x = v ? Math.floor((r[0] - l[0]) / y) : 0;
		do {
			let r = this.getRenderTransform(a, o, 0, f, g, _, x * y);
			t.declutter && (r = r.slice(0)), e.execute(h, [h.canvas.width, h.canvas.height], r, c, m, n === void 0 ? Lc : n ? Rc : zc, n ? d && t.declutter[d] : void 0);
		} while (++x < b);
	}
	setDrawContext_() {
		this.opacity_ !== 1 && (this.targetContext_ = this.context, this.context = ba(this.context.canvas.width, this.context.canvas.height, Yc));
	}
	resetDrawContext_() {
		if (this.opacity_ !== 1 && this.targetContext_) {
			let e = this.targetContext_.globalAlpha;
			this.targetContext_.globalAlpha = this.opacity_, this.targetContext_.drawImage(this.context.canvas, 0, 0), this.targetContext_.globalAlpha = e, Ca(this.context), Yc.push(this.context.canvas), this.context = this.targetContext_, this.targetContext_ = null;
		}
	}
	renderDeclutter(e) {
		!this.replayGroup_ || !this.getLayer().getDeclutter() || this.renderWorlds(this.replayGroup_, e, !0);
	}
	renderDeferredInternal(e) {
		this.replayGroup_ && (this.replayGroup_.renderDeferred(), this.clipped_ && this.context.restore(), this.resetDrawContext_());
	}
	renderFrame(e, t) {
		let n = e.layerStatesArray[e.layerIndex];
		this.opacity_ = n.opacity;
		let r = e.viewState;
		this.prepareContainer(e, t);
		let i = this.context, a = this.replayGroup_, o = a && !a.isEmpty();
		if (!o && !(this.getLayer().hasListener(hs.PRERENDER) || this.getLayer().hasListener(hs.POSTRENDER))) return this.container;
		if (this.setDrawContext_(), this.preRender(i, e), r.projection, this.clipped_ = !1, o && n.extent && this.clipping) {
			let t = Un(n.extent);
			o = Ve(t, e.extent), this.clipped_ = o && !ge(t, e.extent), this.clipped_ && this.clipUnrotated(i, e, t);
		}
		return o && this.renderWorlds(a, e, !this.getLayer().getDeclutter() && void 0), !e.declutter && this.clipped_ && i.restore(), this.postRender(i, e), this.renderedRotation_ !== r.rotation && (this.renderedRotation_ = r.rotation, this.hitDetectionImageData_ = null), e.declutter || this.resetDrawContext_(), this.container;
	}
	getFeatures(e) {
		return new Promise((t) => {
			if (this.frameState && !this.hitDetectionImageData_ && !this.animatingOrInteracting_) {
				let e = this.frameState.size.slice(), t = this.renderedCenter_, n = this.renderedResolution_, r = this.renderedRotation_, i = this.renderedProjection_, a = this.wrappedRenderedExtent_, o = this.getLayer(), s = [], c = e[0] * Uc, l = e[1] * Uc;
				s.push(this.getRenderTransform(t, n, r, Uc, c, l, 0).slice());
				let u = o.getSource(), d = i.getExtent();
				if (u.getWrapX() && i.canWrapX() && !ge(d, a)) {
					let e = a[0], i = F(d), o = 0, u;
					for (; e < d[0];) --o, u = i * o, s.push(this.getRenderTransform(t, n, r, Uc, c, l, u).slice()), e += i;
					for (o = 0, e = a[2]; e > d[2];) ++o, u = i * o, s.push(this.getRenderTransform(t, n, r, Uc, c, l, u).slice()), e -= i;
				}
				this.hitDetectionImageData_ = Wc(e, s, this.renderedFeatures_, o.getStyleFunction(), a, n, r, xs(n, this.renderedPixelRatio_));
			}
			t(Gc(e, this.renderedFeatures_, this.hitDetectionImageData_));
		});
	}
	forEachFeatureAtCoordinate(e, t, n, r, i) {
		if (!this.replayGroup_) return;
		let a = t.viewState.resolution, o = t.viewState.rotation, s = this.getLayer(), c = {}, l = function(e, t, n) {
			let a = L(e), o = c[a];
			if (o) {
				if (o !== !0 && n < o.distanceSq) {
					if (n === 0) return c[a] = !0, i.splice(i.lastIndexOf(o), 1), r(e, s, t);
					o.geometry = t, o.distanceSq = n;
				}
			} else {
				if (n === 0) return c[a] = !0, r(e, s, t);
				i.push(c[a] = {
					feature: e,
					layer: s,
					geometry: t,
					distanceSq: n,
					callback: r
				});
			}
		}, u = this.getLayer().getDeclutter();
		return this.replayGroup_.forEachFeatureAtCoordinate(e, a, o, n, l, u ? t.declutter?.[u]?.all().map((e) => e.value) : null);
	}
	handleFontsChanged() {
		let e = this.getLayer();
		e.getVisible() && this.replayGroup_ && e.changed();
	}
	handleStyleImageChange_(e) {
		this.renderIfReadyAndVisible();
	}
	prepareFrame(e) {
		let t = this.getLayer(), n = t.getSource();
		if (!n) return !1;
		let r = e.viewHints[uc.ANIMATING], i = e.viewHints[uc.INTERACTING], a = t.getUpdateWhileAnimating(), o = t.getUpdateWhileInteracting();
		if (this.ready && !a && r || !o && i) return this.animatingOrInteracting_ = !0, !0;
		this.animatingOrInteracting_ = !1;
		let s = e.extent, c = e.viewState, l = c.projection, u = c.resolution, d = e.pixelRatio, f = t.getRevision(), p = t.getRenderBuffer(), m = t.getRenderOrder();
		m === void 0 && (m = bs);
		let h = c.center.slice(), g = fe(s, p * u), _ = g.slice(), v = [g.slice()], y = l.getExtent();
		if (n.getWrapX() && l.canWrapX() && !ge(y, e.extent)) {
			let e = F(y), t = Math.max(F(g) / 2, e);
			g[0] = y[0] - t, g[2] = y[2] + t, pt(h, l);
			let n = Ge(v[0], l);
			n[0] < y[0] && n[2] < y[2] ? v.push([
				n[0] + e,
				n[1],
				n[2] + e,
				n[3]
			]) : n[0] > y[0] && n[2] > y[2] && v.push([
				n[0] - e,
				n[1],
				n[2] - e,
				n[3]
			]);
		}
		if (this.ready && this.renderedResolution_ == u && this.renderedRevision_ == f && this.renderedRenderOrder_ == m && this.renderedFrameDeclutter_ === !!e.declutter && ge(this.wrappedRenderedExtent_, g)) return wr(this.renderedExtent_, _) || (this.hitDetectionImageData_ = null, this.renderedExtent_ = _), this.renderedCenter_ = h, this.replayGroupChanged = !1, !0;
		this.replayGroup_ = null;
		let b = new Cc(Ss(u, d), g, u, d), x;
		for (let e = 0, t = v.length; e < t; ++e) n.loadFeatures(v[e], u, l);
		let S = xs(u, d), C = !0, w = ((e, n) => {
			let r, i = e.getStyleFunction() || t.getStyleFunction();
			if (i && (r = i(e, u)), r) {
				let t = this.renderFeature(e, S, r, b, x, this.getLayer().getDeclutter(), n);
				C &&= !t;
			}
		}), ee = Hn(g), T = n.getFeaturesInExtent(ee);
		m && T.sort(m);
		for (let e = 0, t = T.length; e < t; ++e) w(T[e], e);
		this.renderedFeatures_ = T, this.ready = C;
		let E = b.finish(), D = new Bc(g, u, d, n.getOverlaps(), E, t.getRenderBuffer(), !!e.declutter);
		return this.renderedResolution_ = u, this.renderedRevision_ = f, this.renderedRenderOrder_ = m, this.renderedFrameDeclutter_ = !!e.declutter, this.renderedExtent_ = _, this.wrappedRenderedExtent_ = g, this.renderedCenter_ = h, this.renderedProjection_ = l, this.renderedPixelRatio_ = d, this.replayGroup_ = D, this.hitDetectionImageData_ = null, this.replayGroupChanged = !0, !0;
	}
	renderFeature(e, t, n, r, i, a, o) {
		if (!n) return !1;
		let s = !1;
		if (Array.isArray(n)) for (let c = 0, l = n.length; c < l; ++c) s = ws(r, e, n[c], t, this.boundHandleStyleImageChange_, i, a, o) || s;
		else s = ws(r, e, n, t, this.boundHandleStyleImageChange_, i, a, o);
		return s;
	}
}, el = 0, tl = 1 << el++, W = 1 << el++, nl = 1 << el++, rl = 1 << el++, il = 1 << el++, al = 1 << el++, ol = 2 ** el - 1, sl = {
	[tl]: "boolean",
	[W]: "number",
	[nl]: "string",
	[rl]: "color",
	[il]: "number[]",
	[al]: "size"
}, cl = Object.keys(sl).map(Number).sort(yr);
function ll(e) {
	return e in sl;
}
function ul(e) {
	let t = [];
	for (let n of cl) dl(e, n) && t.push(sl[n]);
	return t.length === 0 ? "untyped" : t.length < 3 ? t.join(" or ") : t.slice(0, -1).join(", ") + ", or " + t[t.length - 1];
}
function dl(e, t) {
	return (e & t) === t;
}
function fl(e, t) {
	return e === t;
}
var pl = class {
	constructor(e, t) {
		if (!ll(e)) throw Error(`literal expressions must have a specific type, got ${ul(e)}`);
		this.type = e, this.value = t;
	}
}, ml = class {
	constructor(e, t, ...n) {
		this.type = e, this.operator = t, this.args = n;
	}
};
function hl() {
	return {
		variables: /* @__PURE__ */ new Set(),
		properties: /* @__PURE__ */ new Set(),
		featureId: !1,
		geometryType: !1,
		mapState: !1
	};
}
function gl(e, t, n) {
	switch (typeof e) {
		case "boolean":
			if (fl(t, nl)) return new pl(nl, e ? "true" : "false");
			if (!dl(t, tl)) throw Error(`got a boolean, but expected ${ul(t)}`);
			return new pl(tl, e);
		case "number":
			if (fl(t, al)) return new pl(al, Go(e));
			if (fl(t, tl)) return new pl(tl, !!e);
			if (fl(t, nl)) return new pl(nl, e.toString());
			if (!dl(t, W)) throw Error(`got a number, but expected ${ul(t)}`);
			return new pl(W, e);
		case "string":
			if (fl(t, rl)) return new pl(rl, Xa(e));
			if (fl(t, tl)) return new pl(tl, !!e);
			if (!dl(t, nl)) throw Error(`got a string, but expected ${ul(t)}`);
			return new pl(nl, e);
	}
	if (!Array.isArray(e)) throw Error("expression must be an array or a primitive value");
	if (e.length === 0) throw Error("empty expression");
	if (typeof e[0] == "string") return Ml(e, t, n);
	for (let t of e) if (typeof t != "number") throw Error("expected an array of numbers");
	if (fl(t, al)) {
		if (e.length !== 2) throw Error(`expected an array of two values for a size, got ${e.length}`);
		return new pl(al, e);
	}
	if (fl(t, rl)) {
		if (e.length === 3) return new pl(rl, [...e, 1]);
		if (e.length === 4) return new pl(rl, e);
		throw Error(`expected an array of 3 or 4 values for a color, got ${e.length}`);
	}
	if (!dl(t, il)) throw Error(`got an array of numbers, but expected ${ul(t)}`);
	return new pl(il, e);
}
var G = {
	Get: "get",
	Var: "var",
	Concat: "concat",
	GeometryType: "geometry-type",
	LineMetric: "line-metric",
	Any: "any",
	All: "all",
	Not: "!",
	Resolution: "resolution",
	Zoom: "zoom",
	Time: "time",
	Equal: "==",
	NotEqual: "!=",
	GreaterThan: ">",
	GreaterThanOrEqualTo: ">=",
	LessThan: "<",
	LessThanOrEqualTo: "<=",
	Multiply: "*",
	Divide: "/",
	Add: "+",
	Subtract: "-",
	Clamp: "clamp",
	Mod: "%",
	Pow: "^",
	Abs: "abs",
	Floor: "floor",
	Ceil: "ceil",
	Round: "round",
	Sin: "sin",
	Cos: "cos",
	Atan: "atan",
	Sqrt: "sqrt",
	Match: "match",
	Between: "between",
	Interpolate: "interpolate",
	Coalesce: "coalesce",
	Case: "case",
	In: "in",
	Number: "number",
	String: "string",
	Array: "array",
	Color: "color",
	Id: "id",
	Band: "band",
	Palette: "palette",
	ToString: "to-string",
	Has: "has"
}, _l = {
	[G.Get]: J(K(1, 1 / 0), vl),
	[G.Var]: J(K(1, 1), yl),
	[G.Has]: J(K(1, 1 / 0), vl),
	[G.Id]: J(bl, Cl),
	[G.Concat]: J(K(2, 1 / 0), q(nl)),
	[G.GeometryType]: J(xl, Cl),
	[G.LineMetric]: J(Cl),
	[G.Resolution]: J(Sl, Cl),
	[G.Zoom]: J(Sl, Cl),
	[G.Time]: J(Sl, Cl),
	[G.Any]: J(K(2, 1 / 0), q(tl)),
	[G.All]: J(K(2, 1 / 0), q(tl)),
	[G.Not]: J(K(1, 1), q(tl)),
	[G.Equal]: J(K(2, 2), q(ol)),
	[G.NotEqual]: J(K(2, 2), q(ol)),
	[G.GreaterThan]: J(K(2, 2), q(W)),
	[G.GreaterThanOrEqualTo]: J(K(2, 2), q(W)),
	[G.LessThan]: J(K(2, 2), q(W)),
	[G.LessThanOrEqualTo]: J(K(2, 2), q(W)),
	[G.Multiply]: J(K(2, 1 / 0), wl),
	[G.Coalesce]: J(K(2, 1 / 0), wl),
	[G.Divide]: J(K(2, 2), q(W)),
	[G.Add]: J(K(2, 1 / 0), q(W)),
	[G.Subtract]: J(K(2, 2), q(W)),
	[G.Clamp]: J(K(3, 3), q(W)),
	[G.Mod]: J(K(2, 2), q(W)),
	[G.Pow]: J(K(2, 2), q(W)),
	[G.Abs]: J(K(1, 1), q(W)),
	[G.Floor]: J(K(1, 1), q(W)),
	[G.Ceil]: J(K(1, 1), q(W)),
	[G.Round]: J(K(1, 1), q(W)),
	[G.Sin]: J(K(1, 1), q(W)),
	[G.Cos]: J(K(1, 1), q(W)),
	[G.Atan]: J(K(1, 2), q(W)),
	[G.Sqrt]: J(K(1, 1), q(W)),
	[G.Match]: J(K(4, 1 / 0), El, Dl),
	[G.Between]: J(K(3, 3), q(W)),
	[G.Interpolate]: J(K(6, 1 / 0), El, Ol),
	[G.Case]: J(K(3, 1 / 0), Tl, kl),
	[G.In]: J(K(2, 2), Al),
	[G.Number]: J(K(1, 1 / 0), q(ol)),
	[G.String]: J(K(1, 1 / 0), q(ol)),
	[G.Array]: J(K(1, 1 / 0), q(W)),
	[G.Color]: J(K(1, 4), q(W)),
	[G.Band]: J(K(1, 3), q(W)),
	[G.Palette]: J(K(2, 2), jl),
	[G.ToString]: J(K(1, 1), q(tl | W | nl | rl))
};
function vl(e, t, n) {
	let r = e.length - 1, i = Array(r);
	for (let t = 0; t < r; ++t) {
		let r = e[t + 1];
		switch (typeof r) {
			case "number":
				i[t] = new pl(W, r);
				break;
			case "string":
				i[t] = new pl(nl, r);
				break;
			default: throw Error(`expected a string key or numeric array index for a get operation, got ${r}`);
		}
		t === 0 && n.properties.add(String(r));
	}
	return i;
}
function yl(e, t, n) {
	let r = e[1];
	if (typeof r != "string") throw Error("expected a string argument for var operation");
	return n.variables.add(r), [new pl(nl, r)];
}
function bl(e, t, n) {
	n.featureId = !0;
}
function xl(e, t, n) {
	n.geometryType = !0;
}
function Sl(e, t, n) {
	n.mapState = !0;
}
function Cl(e, t, n) {
	let r = e[0];
	if (e.length !== 1) throw Error(`expected no arguments for ${r} operation`);
	return [];
}
function K(e, t) {
	return function(n, r, i) {
		let a = n[0], o = n.length - 1;
		if (e === t) {
			if (o !== e) throw Error(`expected ${e} argument${e === 1 ? "" : "s"} for ${a}, got ${o}`);
		} else if (o < e || o > t) {
			let n = t === 1 / 0 ? `${e} or more` : `${e} to ${t}`;
			throw Error(`expected ${n} arguments for ${a}, got ${o}`);
		}
	};
}
function wl(e, t, n) {
	let r = e.length - 1, i = Array(r);
	for (let a = 0; a < r; ++a) {
		let r = gl(e[a + 1], t, n);
		i[a] = r;
	}
	return i;
}
function q(e) {
	return function(t, n, r) {
		let i = t.length - 1, a = Array(i);
		for (let n = 0; n < i; ++n) {
			let i = gl(t[n + 1], e, r);
			a[n] = i;
		}
		return a;
	};
}
function Tl(e, t, n) {
	let r = e[0], i = e.length - 1;
	if (i % 2 == 0) throw Error(`expected an odd number of arguments for ${r}, got ${i} instead`);
}
function El(e, t, n) {
	let r = e[0], i = e.length - 1;
	if (i % 2 == 1) throw Error(`expected an even number of arguments for operation ${r}, got ${i} instead`);
}
function Dl(e, t, n) {
	let r = e.length - 1, i = nl | W | tl, a = gl(e[1], i, n), o = gl(e[e.length - 1], t, n), s = Array(r - 2);
	for (let t = 0; t < r - 2; t += 2) {
		try {
			let r = gl(e[t + 2], a.type, n);
			s[t] = r;
		} catch (e) {
			throw Error(`failed to parse argument ${t + 1} of match expression: ${e.message}`);
		}
		try {
			let r = gl(e[t + 3], o.type, n);
			s[t + 1] = r;
		} catch (e) {
			throw Error(`failed to parse argument ${t + 2} of match expression: ${e.message}`);
		}
	}
	return [
		a,
		...s,
		o
	];
}
function Ol(e, t, n) {
	let r = e[1], i;
	switch (r[0]) {
		case "linear":
			i = 1;
			break;
		case "exponential":
			let e = r[1];
			if (typeof e != "number" || e <= 0) throw Error(`expected a number base for exponential interpolation, got ${JSON.stringify(e)} instead`);
			i = e;
			break;
		default: throw Error(`invalid interpolation type: ${JSON.stringify(r)}`);
	}
	let a = new pl(W, i), o;
	try {
		o = gl(e[2], W, n);
	} catch (e) {
		throw Error(`failed to parse argument 1 in interpolate expression: ${e.message}`);
	}
	let s = Array(e.length - 3);
	for (let r = 0; r < s.length; r += 2) {
		try {
			let t = gl(e[r + 3], W, n);
			s[r] = t;
		} catch (e) {
			throw Error(`failed to parse argument ${r + 2} for interpolate expression: ${e.message}`);
		}
		try {
			let i = gl(e[r + 4], t, n);
			s[r + 1] = i;
		} catch (e) {
			throw Error(`failed to parse argument ${r + 3} for interpolate expression: ${e.message}`);
		}
	}
	return [
		a,
		o,
		...s
	];
}
function kl(e, t, n) {
	let r = gl(e[e.length - 1], t, n), i = Array(e.length - 1);
	for (let t = 0; t < i.length - 1; t += 2) {
		try {
			let r = gl(e[t + 1], tl, n);
			i[t] = r;
		} catch (e) {
			throw Error(`failed to parse argument ${t} of case expression: ${e.message}`);
		}
		try {
			let a = gl(e[t + 2], r.type, n);
			i[t + 1] = a;
		} catch (e) {
			throw Error(`failed to parse argument ${t + 1} of case expression: ${e.message}`);
		}
	}
	return i[i.length - 1] = r, i;
}
function Al(e, t, n) {
	let r = e[2];
	if (!Array.isArray(r)) throw Error("the second argument for the \"in\" operator must be an array");
	let i;
	if (typeof r[0] == "string") {
		if (r[0] !== "literal") throw Error("for the \"in\" operator, a string array should be wrapped in a \"literal\" operator to disambiguate from expressions");
		if (!Array.isArray(r[1])) throw Error("failed to parse \"in\" expression: the literal operator must be followed by an array");
		r = r[1], i = nl;
	} else i = W;
	let a = Array(r.length);
	for (let e = 0; e < a.length; e++) try {
		let t = gl(r[e], i, n);
		a[e] = t;
	} catch (t) {
		throw Error(`failed to parse haystack item ${e} for "in" expression: ${t.message}`);
	}
	return [gl(e[1], i, n), ...a];
}
function jl(e, t, n) {
	let r;
	try {
		r = gl(e[1], W, n);
	} catch (e) {
		throw Error(`failed to parse first argument in palette expression: ${e.message}`);
	}
	let i = e[2];
	if (!Array.isArray(i)) throw Error("the second argument of palette must be an array");
	let a = Array(i.length);
	for (let e = 0; e < a.length; e++) {
		let t;
		try {
			t = gl(i[e], rl, n);
		} catch (t) {
			throw Error(`failed to parse color at index ${e} in palette expression: ${t.message}`);
		}
		if (!(t instanceof pl)) throw Error(`the palette color at index ${e} must be a literal value`);
		a[e] = t;
	}
	return [r, ...a];
}
function J(...e) {
	return function(t, n, r) {
		let i = t[0], a;
		for (let i = 0; i < e.length; i++) {
			let o = e[i](t, n, r);
			if (i == e.length - 1) {
				if (!o) throw Error("expected last argument validator to return the parsed args");
				a = o;
			}
		}
		return new ml(n, i, ...a);
	};
}
function Ml(e, t, n) {
	let r = e[0], i = _l[r];
	if (!i) throw Error(`unknown operator: ${r}`);
	return i(e, t, n);
}
function Nl(e) {
	if (!e) return "";
	let t = e.getType();
	switch (t) {
		case "Point":
		case "LineString":
		case "Polygon": return t;
		case "MultiPoint":
		case "MultiLineString":
		case "MultiPolygon": return t.substring(5);
		case "Circle": return "Polygon";
		case "GeometryCollection": return Nl(e.getGeometries()[0]);
		default: return "";
	}
}
function Pl() {
	return {
		variables: {},
		properties: {},
		resolution: NaN,
		featureId: null,
		geometryType: ""
	};
}
function Fl(e, t, n) {
	return Il(gl(e, t, n));
}
function Il(e, t) {
	if (e instanceof pl) {
		if (e.type === rl && typeof e.value == "string") {
			let t = Xa(e.value);
			return function() {
				return t;
			};
		}
		return function() {
			return e.value;
		};
	}
	let n = e.operator;
	switch (n) {
		case G.Number:
		case G.String:
		case G.Coalesce: return Ll(e);
		case G.Get:
		case G.Var:
		case G.Has: return Rl(e);
		case G.Id: return (e) => e.featureId;
		case G.GeometryType: return (e) => e.geometryType;
		case G.Concat: {
			let t = e.args.map((e) => Il(e));
			return (e) => "".concat(...t.map((t) => t(e).toString()));
		}
		case G.Resolution: return (e) => e.resolution;
		case G.Any:
		case G.All:
		case G.Between:
		case G.In:
		case G.Not: return Bl(e);
		case G.Equal:
		case G.NotEqual:
		case G.LessThan:
		case G.LessThanOrEqualTo:
		case G.GreaterThan:
		case G.GreaterThanOrEqualTo: return zl(e);
		case G.Multiply:
		case G.Divide:
		case G.Add:
		case G.Subtract:
		case G.Clamp:
		case G.Mod:
		case G.Pow:
		case G.Abs:
		case G.Floor:
		case G.Ceil:
		case G.Round:
		case G.Sin:
		case G.Cos:
		case G.Atan:
		case G.Sqrt: return Vl(e);
		case G.Case: return Hl(e);
		case G.Match: return Ul(e);
		case G.Interpolate: return Wl(e);
		case G.ToString: return Gl(e);
		default: throw Error(`Unsupported operator ${n}`);
	}
}
function Ll(e, t) {
	let n = e.operator, r = e.args.length, i = Array(r);
	for (let t = 0; t < r; ++t) i[t] = Il(e.args[t]);
	switch (n) {
		case G.Coalesce: return (e) => {
			for (let t = 0; t < r; ++t) {
				let n = i[t](e);
				if (typeof n < "u" && n !== null) return n;
			}
			throw Error("Expected one of the values to be non-null");
		};
		case G.Number:
		case G.String: return (e) => {
			for (let t = 0; t < r; ++t) {
				let r = i[t](e);
				if (typeof r === n) return r;
			}
			throw Error(`Expected one of the values to be a ${n}`);
		};
		default: throw Error(`Unsupported assertion operator ${n}`);
	}
}
function Rl(e, t) {
	let n = e.args[0].value;
	switch (e.operator) {
		case G.Get: return (t) => {
			let r = e.args, i = t.properties[n];
			for (let e = 1, t = r.length; e < t; ++e) {
				let t = r[e].value;
				i = i[t];
			}
			return i;
		};
		case G.Var: return (e) => e.variables[n];
		case G.Has: return (t) => {
			let r = e.args;
			if (!(n in t.properties)) return !1;
			let i = t.properties[n];
			for (let e = 1, t = r.length; e < t; ++e) {
				let t = r[e].value;
				if (!i || !Object.hasOwn(i, t)) return !1;
				i = i[t];
			}
			return !0;
		};
		default: throw Error(`Unsupported accessor operator ${e.operator}`);
	}
}
function zl(e, t) {
	let n = e.operator, r = Il(e.args[0]), i = Il(e.args[1]);
	switch (n) {
		case G.Equal: return (e) => r(e) === i(e);
		case G.NotEqual: return (e) => r(e) !== i(e);
		case G.LessThan: return (e) => r(e) < i(e);
		case G.LessThanOrEqualTo: return (e) => r(e) <= i(e);
		case G.GreaterThan: return (e) => r(e) > i(e);
		case G.GreaterThanOrEqualTo: return (e) => r(e) >= i(e);
		default: throw Error(`Unsupported comparison operator ${n}`);
	}
}
function Bl(e, t) {
	let n = e.operator, r = e.args.length, i = Array(r);
	for (let t = 0; t < r; ++t) i[t] = Il(e.args[t]);
	switch (n) {
		case G.Any: return (e) => {
			for (let t = 0; t < r; ++t) if (i[t](e)) return !0;
			return !1;
		};
		case G.All: return (e) => {
			for (let t = 0; t < r; ++t) if (!i[t](e)) return !1;
			return !0;
		};
		case G.Between: return (e) => {
			let t = i[0](e), n = i[1](e), r = i[2](e);
			return t >= n && t <= r;
		};
		case G.In: return (e) => {
			let t = i[0](e);
			for (let n = 1; n < r; ++n) if (t === i[n](e)) return !0;
			return !1;
		};
		case G.Not: return (e) => !i[0](e);
		default: throw Error(`Unsupported logical operator ${n}`);
	}
}
function Vl(e, t) {
	let n = e.operator, r = e.args.length, i = Array(r);
	for (let t = 0; t < r; ++t) i[t] = Il(e.args[t]);
	switch (n) {
		case G.Multiply: return (e) => {
			let t = 1;
			for (let n = 0; n < r; ++n) t *= i[n](e);
			return t;
		};
		case G.Divide: return (e) => i[0](e) / i[1](e);
		case G.Add: return (e) => {
			let t = 0;
			for (let n = 0; n < r; ++n) t += i[n](e);
			return t;
		};
		case G.Subtract: return (e) => i[0](e) - i[1](e);
		case G.Clamp: return (e) => {
			let t = i[0](e), n = i[1](e);
			if (t < n) return n;
			let r = i[2](e);
			return t > r ? r : t;
		};
		case G.Mod: return (e) => i[0](e) % i[1](e);
		case G.Pow: return (e) => i[0](e) ** +i[1](e);
		case G.Abs: return (e) => Math.abs(i[0](e));
		case G.Floor: return (e) => Math.floor(i[0](e));
		case G.Ceil: return (e) => Math.ceil(i[0](e));
		case G.Round: return (e) => Math.round(i[0](e));
		case G.Sin: return (e) => Math.sin(i[0](e));
		case G.Cos: return (e) => Math.cos(i[0](e));
		case G.Atan: return r === 2 ? (e) => Math.atan2(i[0](e), i[1](e)) : (e) => Math.atan(i[0](e));
		case G.Sqrt: return (e) => Math.sqrt(i[0](e));
		default: throw Error(`Unsupported numeric operator ${n}`);
	}
}
function Hl(e, t) {
	let n = e.args.length, r = Array(n);
	for (let t = 0; t < n; ++t) r[t] = Il(e.args[t]);
	return (e) => {
		for (let t = 0; t < n - 1; t += 2) if (r[t](e)) return r[t + 1](e);
		return r[n - 1](e);
	};
}
function Ul(e, t) {
	let n = e.args.length, r = Array(n);
	for (let t = 0; t < n; ++t) r[t] = Il(e.args[t]);
	return (e) => {
		let t = r[0](e);
		for (let i = 1; i < n - 1; i += 2) if (t === r[i](e)) return r[i + 1](e);
		return r[n - 1](e);
	};
}
function Wl(e, t) {
	let n = e.args.length, r = Array(n);
	for (let t = 0; t < n; ++t) r[t] = Il(e.args[t]);
	return (e) => {
		let t = r[0](e), i = r[1](e), a, o;
		for (let s = 2; s < n; s += 2) {
			let n = r[s](e), c = r[s + 1](e), l = Array.isArray(c);
			if (l && (c = Ua(c)), n >= i) return s === 2 ? c : l ? ql(t, i, a, o, n, c) : Kl(t, i, a, o, n, c);
			a = n, o = c;
		}
		return o;
	};
}
function Gl(e, t) {
	let n = e.operator, r = e.args.length, i = Array(r);
	for (let t = 0; t < r; ++t) i[t] = Il(e.args[t]);
	if (n === G.ToString) return (t) => {
		let n = i[0](t);
		return e.args[0].type === rl ? Qa(n) : n.toString();
	};
	throw Error(`Unsupported convert operator ${n}`);
}
function Kl(e, t, n, r, i, a) {
	let o = i - n;
	if (o === 0) return r;
	let s = t - n;
	return r + (e === 1 ? s / o : (e ** +s - 1) / (e ** +o - 1)) * (a - r);
}
function ql(e, t, n, r, i, a) {
	if (i - n === 0) return r;
	let o = Ja(r), s = Ja(a), c = s[2] - o[2];
	return c > 180 ? c -= 360 : c < -180 && (c += 360), Ya([
		Kl(e, t, n, o[0], i, s[0]),
		Kl(e, t, n, o[1], i, s[1]),
		o[2] + Kl(e, t, n, 0, i, c),
		Kl(e, t, n, r[3], i, a[3])
	]);
}
function Jl(e) {
	return !0;
}
function Yl(e) {
	let t = hl(), n = Zl(e, t), r = Pl();
	return function(e, i) {
		if (r.properties = e.getPropertiesInternal(), r.resolution = i, t.featureId) {
			let t = e.getId();
			t === void 0 ? r.featureId = null : r.featureId = t;
		}
		return t.geometryType && (r.geometryType = Nl(e.getGeometry())), n(r);
	};
}
function Xl(e) {
	let t = hl(), n = e.length, r = Array(n);
	for (let i = 0; i < n; ++i) r[i] = Ql(e[i], t);
	let i = Pl(), a = Array(n);
	return function(e, o) {
		if (i.properties = e.getPropertiesInternal(), i.resolution = o, t.featureId) {
			let t = e.getId();
			t === void 0 ? i.featureId = null : i.featureId = t;
		}
		let s = 0;
		for (let e = 0; e < n; ++e) {
			let t = r[e](i);
			t && (a[s] = t, s += 1);
		}
		return a.length = s, a;
	};
}
function Zl(e, t) {
	let n = e.length, r = Array(n);
	for (let i = 0; i < n; ++i) {
		let n = e[i], a = "filter" in n ? Fl(n.filter, tl, t) : Jl, o;
		if (Array.isArray(n.style)) {
			let e = n.style.length;
			o = Array(e);
			for (let r = 0; r < e; ++r) o[r] = Ql(n.style[r], t);
		} else o = [Ql(n.style, t)];
		r[i] = {
			filter: a,
			styles: o
		};
	}
	return function(t) {
		let i = [], a = !1;
		for (let o = 0; o < n; ++o) if ((0, r[o].filter)(t) && !(e[o].else && a)) {
			a = !0;
			for (let e of r[o].styles) {
				let n = e(t);
				n && i.push(n);
			}
		}
		return i;
	};
}
function Ql(e, t) {
	let n = $l(e, "", t), r = eu(e, "", t), i = tu(e, t), a = nu(e, t), o = ou(e, "z-index", t);
	if (!n && !r && !i && !a && !Ft(e)) throw Error("No fill, stroke, point, or text symbolizer properties in style: " + JSON.stringify(e));
	let s = new $o();
	return function(e) {
		let t = !0;
		if (n) {
			let r = n(e);
			r && (t = !1), s.setFill(r);
		}
		if (r) {
			let n = r(e);
			n && (t = !1), s.setStroke(n);
		}
		if (i) {
			let n = i(e);
			n && (t = !1), s.setText(n);
		}
		if (a) {
			let n = a(e);
			n && (t = !1), s.setImage(n);
		}
		return o && s.setZIndex(o(e)), t ? null : s;
	};
}
function $l(e, t, n) {
	let r;
	if (t + "fill-pattern-src" in e) r = cu(e, t + "fill-", n);
	else {
		if (e[t + "fill-color"] === "none") return (e) => null;
		r = uu(e, t + "fill-color", n);
	}
	if (!r) return null;
	let i = new Yo();
	return function(e) {
		let t = r(e);
		return t === ka ? null : (i.setColor(t), i);
	};
}
function eu(e, t, n) {
	let r = ou(e, t + "stroke-width", n), i = uu(e, t + "stroke-color", n);
	if (!r && !i) return null;
	let a = su(e, t + "stroke-line-cap", n), o = su(e, t + "stroke-line-join", n), s = du(e, t + "stroke-line-dash", n), c = ou(e, t + "stroke-line-dash-offset", n), l = ou(e, t + "stroke-miter-limit", n), u = new Qo();
	return function(e) {
		if (i) {
			let t = i(e);
			if (t === ka) return null;
			u.setColor(t);
		}
		if (r && u.setWidth(r(e)), a) {
			let t = a(e);
			if (t !== "butt" && t !== "round" && t !== "square") throw Error("Expected butt, round, or square line cap");
			u.setLineCap(t);
		}
		if (o) {
			let t = o(e);
			if (t !== "bevel" && t !== "round" && t !== "miter") throw Error("Expected bevel, round, or miter line join");
			u.setLineJoin(t);
		}
		return s && u.setLineDash(s(e)), c && u.setLineDashOffset(c(e)), l && u.setMiterLimit(l(e)), u;
	};
}
function tu(e, t) {
	let n = "text-", r = su(e, n + "value", t);
	if (!r) return null;
	let i = $l(e, n, t), a = $l(e, n + "background-", t), o = eu(e, n, t), s = eu(e, n + "background-", t), c = su(e, n + "font", t), l = ou(e, n + "max-angle", t), u = ou(e, n + "offset-x", t), d = ou(e, n + "offset-y", t), f = lu(e, n + "overflow", t), p = su(e, n + "placement", t), m = ou(e, n + "repeat", t), h = mu(e, n + "scale", t), g = lu(e, n + "rotate-with-view", t), _ = ou(e, n + "rotation", t), v = su(e, n + "align", t), y = su(e, n + "justify", t), b = su(e, n + "baseline", t), x = lu(e, n + "keep-upright", t), S = du(e, n + "padding", t), C = new os({ declutterMode: xu(e, n + "declutter-mode") });
	return function(e) {
		if (C.setText(r(e)), i && C.setFill(i(e)), a && C.setBackgroundFill(a(e)), o && C.setStroke(o(e)), s && C.setBackgroundStroke(s(e)), c && C.setFont(c(e)), l && C.setMaxAngle(l(e)), u && C.setOffsetX(u(e)), d && C.setOffsetY(d(e)), f && C.setOverflow(f(e)), p) {
			let t = p(e);
			if (t !== "point" && t !== "line") throw Error("Expected point or line for text-placement");
			C.setPlacement(t);
		}
		if (m && C.setRepeat(m(e)), h && C.setScale(h(e)), g && C.setRotateWithView(g(e)), _ && C.setRotation(_(e)), v) {
			let t = v(e);
			if (t !== "left" && t !== "center" && t !== "right" && t !== "end" && t !== "start") throw Error("Expected left, right, center, start, or end for text-align");
			C.setTextAlign(t);
		}
		if (y) {
			let t = y(e);
			if (t !== "left" && t !== "right" && t !== "center") throw Error("Expected left, right, or center for text-justify");
			C.setJustify(t);
		}
		if (b) {
			let t = b(e);
			if (t !== "bottom" && t !== "top" && t !== "middle" && t !== "alphabetic" && t !== "hanging") throw Error("Expected bottom, top, middle, alphabetic, or hanging for text-baseline");
			C.setTextBaseline(t);
		}
		return S && C.setPadding(S(e)), x && C.setKeepUpright(x(e)), C;
	};
}
function nu(e, t) {
	return "icon-src" in e ? ru(e, t) : "shape-points" in e ? iu(e, t) : "circle-radius" in e ? au(e, t) : null;
}
function ru(e, t) {
	let n = "icon-", r = n + "src", i = wu(e[r], r), a = fu(e, n + "anchor", t), o = mu(e, n + "scale", t), s = ou(e, n + "opacity", t), c = fu(e, n + "displacement", t), l = ou(e, n + "rotation", t), u = lu(e, n + "rotate-with-view", t), d = vu(e, n + "anchor-origin"), f = yu(e, n + "anchor-x-units"), p = yu(e, n + "anchor-y-units"), m = Su(e, n + "color"), h = _u(e, n + "cross-origin"), g = bu(e, n + "offset"), _ = vu(e, n + "offset-origin"), v = hu(e, n + "width"), y = new Zo({
		src: i,
		anchorOrigin: d,
		anchorXUnits: f,
		anchorYUnits: p,
		color: m,
		crossOrigin: h,
		offset: g,
		offsetOrigin: _,
		height: hu(e, n + "height"),
		width: v,
		size: gu(e, n + "size"),
		declutterMode: xu(e, n + "declutter-mode")
	});
	return function(e) {
		return s && y.setOpacity(s(e)), c && y.setDisplacement(c(e)), l && y.setRotation(l(e)), u && y.setRotateWithView(u(e)), o && y.setScale(o(e)), a && y.setAnchor(a(e)), y;
	};
}
function iu(e, t) {
	let n = "shape-", r = n + "points", i = n + "radius", a = Tu(e[r], r), o = Tu(e[i], i), s = $l(e, n, t), c = eu(e, n, t), l = mu(e, n + "scale", t), u = fu(e, n + "displacement", t), d = ou(e, n + "rotation", t), f = lu(e, n + "rotate-with-view", t), p = new qo({
		points: a,
		radius: o,
		radius2: hu(e, n + "radius2"),
		angle: hu(e, n + "angle"),
		declutterMode: xu(e, n + "declutter-mode")
	});
	return function(e) {
		return s && p.setFill(s(e)), c && p.setStroke(c(e)), u && p.setDisplacement(u(e)), d && p.setRotation(d(e)), f && p.setRotateWithView(f(e)), l && p.setScale(l(e)), p;
	};
}
function au(e, t) {
	let n = "circle-", r = $l(e, n, t), i = eu(e, n, t), a = ou(e, n + "radius", t), o = mu(e, n + "scale", t), s = fu(e, n + "displacement", t), c = ou(e, n + "rotation", t), l = lu(e, n + "rotate-with-view", t), u = new Jo({
		radius: 5,
		declutterMode: xu(e, n + "declutter-mode")
	});
	return function(e) {
		return a && u.setRadius(a(e)), r && u.setFill(r(e)), i && u.setStroke(i(e)), s && u.setDisplacement(s(e)), c && u.setRotation(c(e)), l && u.setRotateWithView(l(e)), o && u.setScale(o(e)), u;
	};
}
function ou(e, t, n) {
	if (!(t in e)) return;
	let r = Fl(e[t], W, n);
	return function(e) {
		return Tu(r(e), t);
	};
}
function su(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], nl, n);
	return function(e) {
		return wu(r(e), t);
	};
}
function cu(e, t, n) {
	let r = su(e, t + "pattern-src", n), i = pu(e, t + "pattern-offset", n), a = pu(e, t + "pattern-size", n), o = uu(e, t + "color", n);
	return function(e) {
		return {
			src: r(e),
			offset: i && i(e),
			size: a && a(e),
			color: o && o(e)
		};
	};
}
function lu(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], tl, n);
	return function(e) {
		let n = r(e);
		if (typeof n != "boolean") throw Error(`Expected a boolean for ${t}`);
		return n;
	};
}
function uu(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], rl, n);
	return function(e) {
		return Eu(r(e), t);
	};
}
function du(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], il, n);
	return function(e) {
		return Cu(r(e), t);
	};
}
function fu(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], il, n);
	return function(e) {
		let n = Cu(r(e), t);
		if (n.length !== 2) throw Error(`Expected two numbers for ${t}`);
		return n;
	};
}
function pu(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], il, n);
	return function(e) {
		return Du(r(e), t);
	};
}
function mu(e, t, n) {
	if (!(t in e)) return null;
	let r = Fl(e[t], il | W, n);
	return function(e) {
		return Ou(r(e), t);
	};
}
function hu(e, t) {
	let n = e[t];
	if (n !== void 0) {
		if (typeof n != "number") throw Error(`Expected a number for ${t}`);
		return n;
	}
}
function gu(e, t) {
	let n = e[t];
	if (n !== void 0) {
		if (typeof n == "number") return Go(n);
		if (!Array.isArray(n) || n.length !== 2 || typeof n[0] != "number" || typeof n[1] != "number") throw Error(`Expected a number or size array for ${t}`);
		return n;
	}
}
function _u(e, t) {
	let n = e[t];
	if (n !== void 0) {
		if (typeof n != "string") throw Error(`Expected a string for ${t}`);
		return n;
	}
}
function vu(e, t) {
	let n = e[t];
	if (n !== void 0) {
		if (n !== "bottom-left" && n !== "bottom-right" && n !== "top-left" && n !== "top-right") throw Error(`Expected bottom-left, bottom-right, top-left, or top-right for ${t}`);
		return n;
	}
}
function yu(e, t) {
	let n = e[t];
	if (n !== void 0) {
		if (n !== "pixels" && n !== "fraction") throw Error(`Expected pixels or fraction for ${t}`);
		return n;
	}
}
function bu(e, t) {
	let n = e[t];
	if (n !== void 0) return Cu(n, t);
}
function xu(e, t) {
	let n = e[t];
	if (n !== void 0) {
		if (typeof n != "string") throw Error(`Expected a string for ${t}`);
		if (n !== "declutter" && n !== "obstacle" && n !== "none") throw Error(`Expected declutter, obstacle, or none for ${t}`);
		return n;
	}
}
function Su(e, t) {
	let n = e[t];
	if (n !== void 0) return Eu(n, t);
}
function Cu(e, t) {
	if (!Array.isArray(e)) throw Error(`Expected an array for ${t}`);
	let n = e.length;
	for (let r = 0; r < n; ++r) if (typeof e[r] != "number") throw Error(`Expected an array of numbers for ${t}`);
	return e;
}
function wu(e, t) {
	if (typeof e != "string") throw Error(`Expected a string for ${t}`);
	return e;
}
function Tu(e, t) {
	if (typeof e != "number") throw Error(`Expected a number for ${t}`);
	return e;
}
function Eu(e, t) {
	if (typeof e == "string") return e;
	let n = Cu(e, t), r = n.length;
	if (r < 3 || r > 4) throw Error(`Expected a color with 3 or 4 values for ${t}`);
	return n;
}
function Du(e, t) {
	let n = Cu(e, t);
	if (n.length !== 2) throw Error(`Expected an array of two numbers for ${t}`);
	return n;
}
function Ou(e, t) {
	return typeof e == "number" ? e : Du(e, t);
}
var ku = {
	CENTER: "center",
	RESOLUTION: "resolution",
	ROTATION: "rotation"
};
function Au(e, t, n) {
	return (function(r, i, a, o, s) {
		if (!r) return;
		if (!i && !t) return r;
		let c = t ? 0 : a[0] * i, l = t ? 0 : a[1] * i, u = s ? s[0] : 0, d = s ? s[1] : 0, f = e[0] + c / 2 + u, p = e[2] - c / 2 + u, m = e[1] + l / 2 + d, h = e[3] - l / 2 + d;
		f > p && (f = (p + f) / 2, p = f), m > h && (m = (h + m) / 2, h = m);
		let g = qe(r[0], f, p), _ = qe(r[1], m, h);
		if (o && n && i) {
			let e = 30 * i;
			g += -e * Math.log(1 + Math.max(0, f - r[0]) / e) + e * Math.log(1 + Math.max(0, r[0] - p) / e), _ += -e * Math.log(1 + Math.max(0, m - r[1]) / e) + e * Math.log(1 + Math.max(0, r[1] - h) / e);
		}
		return [g, _];
	});
}
function ju(e) {
	return e;
}
function Mu(e) {
	return e ** 3;
}
function Nu(e) {
	return 1 - Mu(1 - e);
}
function Pu(e) {
	return 3 * e * e - 2 * e * e * e;
}
function Fu(e) {
	return e;
}
function Iu(e, t, n, r) {
	let i = F(t) / n[0], a = Le(t) / n[1];
	return r ? Math.min(e, Math.max(i, a)) : Math.min(e, Math.min(i, a));
}
function Lu(e, t, n) {
	let r = Math.min(e, t);
	return r *= Math.log(1 + 50 * Math.max(0, e / t - 1)) / 50 + 1, n && (r = Math.max(r, n), r /= Math.log(1 + 50 * Math.max(0, n / e - 1)) / 50 + 1), qe(r, n / 2, t * 2);
}
function Ru(e, t, n, r) {
	return t = t === void 0 || t, (function(i, a, o, s) {
		if (i !== void 0) {
			let c = e[0], l = e[e.length - 1], u = n ? Iu(c, n, o, r) : c;
			if (s) return t ? Lu(i, u, l) : qe(i, l, u);
			let d = Math.floor(xr(e, Math.min(u, i), a));
			return e[d] > u && d < e.length - 1 ? e[d + 1] : e[d];
		}
	});
}
function zu(e, t, n, r, i, a) {
	return r = r === void 0 || r, n = n === void 0 ? 0 : n, (function(o, s, c, l) {
		if (o !== void 0) {
			let u = i ? Iu(t, i, c, a) : t;
			if (l) return r ? Lu(o, u, n) : qe(o, n, u);
			let d = Math.ceil(Math.log(t / u) / Math.log(e) - 1e-9), f = -s * .499999999 + .5, p = Math.floor(Math.log(t / Math.min(u, o)) / Math.log(e) + f);
			return qe(t / e ** +Math.max(d, p), n, u);
		}
	});
}
function Bu(e, t, n, r, i) {
	return n = n === void 0 || n, (function(a, o, s, c) {
		if (a !== void 0) {
			let o = r ? Iu(e, r, s, i) : e;
			return !n || !c ? qe(a, t, o) : Lu(a, o, t);
		}
	});
}
function Vu(e) {
	if (e !== void 0) return 0;
}
function Hu(e) {
	if (e !== void 0) return e;
}
function Uu(e) {
	let t = 2 * Math.PI / e;
	return (function(e, n) {
		if (n) return e;
		if (e !== void 0) return e = Math.floor(e / t + .5) * t, e;
	});
}
function Wu(e) {
	let t = Qe(5);
	return (function(e, n) {
		return n || e === void 0 ? e : Math.abs(e) <= t ? 0 : e;
	});
}
var Gu = 42, Ku = 256, qu = 0, Ju = class extends Lr {
	constructor(e) {
		super(), this.on, this.once, this.un, e = Object.assign({}, e), this.hints_ = [0, 0], this.animations_ = [], this.updateAnimationKey_, this.projection_ = jn(e.projection, "EPSG:3857"), this.viewportSize_ = [100, 100], this.targetCenter_ = null, this.targetResolution_, this.targetRotation_, this.nextCenter_ = null, this.nextResolution_, this.nextRotation_, this.cancelAnchor_ = void 0, e.projection && Cn(), e.center && (e.center = Vn(e.center, this.projection_)), e.extent && (e.extent = Un(e.extent, this.projection_)), this.applyOptions_(e);
	}
	applyOptions_(e) {
		let t = Object.assign({}, e);
		for (let e in ku) delete t[e];
		this.setProperties(t, !0);
		let n = Zu(e);
		this.maxResolution_ = n.maxResolution, this.minResolution_ = n.minResolution, this.zoomFactor_ = n.zoomFactor, this.resolutions_ = e.resolutions, this.padding_ = e.padding, this.minZoom_ = n.minZoom;
		let r = Xu(e), i = n.constraint, a = Qu(e);
		this.constraints_ = {
			center: r,
			resolution: i,
			rotation: a
		}, this.setRotation(e.rotation === void 0 ? 0 : e.rotation), this.setCenterInternal(e.center === void 0 ? null : e.center), e.resolution === void 0 ? e.zoom !== void 0 && this.setZoom(e.zoom) : this.setResolution(e.resolution);
	}
	get padding() {
		return this.padding_;
	}
	set padding(e) {
		let t = this.padding_;
		this.padding_ = e;
		let n = this.getCenterInternal();
		if (n) {
			let r = e || [
				0,
				0,
				0,
				0
			];
			t ||= [
				0,
				0,
				0,
				0
			];
			let i = this.getResolution(), a = i / 2 * (r[3] - t[3] + t[1] - r[1]), o = i / 2 * (r[0] - t[0] + t[2] - r[2]);
			this.setCenterInternal([n[0] + a, n[1] - o]);
		}
	}
	getUpdatedOptions_(e) {
		let t = this.getProperties();
		return t.resolution === void 0 ? t.zoom = this.getZoom() : t.resolution = this.getResolution(), t.center = this.getCenterInternal(), t.rotation = this.getRotation(), Object.assign({}, t, e);
	}
	animate(e) {
		this.isDef() && !this.getAnimating() && this.resolveConstraints(0);
		let t = Array(arguments.length);
		for (let e = 0; e < t.length; ++e) {
			let n = arguments[e];
			n.center && (n = Object.assign({}, n), n.center = Vn(n.center, this.getProjection())), n.anchor && (n = Object.assign({}, n), n.anchor = Vn(n.anchor, this.getProjection())), t[e] = n;
		}
		this.animateInternal.apply(this, t);
	}
	animateInternal(e) {
		let t = arguments.length, n;
		t > 1 && typeof arguments[t - 1] == "function" && (n = arguments[t - 1], --t);
		let r = 0;
		for (; r < t && !this.isDef(); ++r) {
			let e = arguments[r];
			e.center && this.setCenterInternal(e.center), e.zoom === void 0 ? e.resolution && this.setResolution(e.resolution) : this.setZoom(e.zoom), e.rotation !== void 0 && this.setRotation(e.rotation);
		}
		if (r === t) {
			n && Yu(n, !0);
			return;
		}
		let i = Date.now(), a = this.targetCenter_.slice(), o = this.targetResolution_, s = this.targetRotation_, c = [];
		for (; r < t; ++r) {
			let e = arguments[r], t = {
				start: i,
				complete: !1,
				anchor: e.anchor,
				duration: e.duration === void 0 ? 1e3 : e.duration,
				easing: e.easing || Pu,
				callback: n
			};
			if (e.center && (t.sourceCenter = a, t.targetCenter = e.center.slice(), a = t.targetCenter), e.zoom === void 0 ? e.resolution && (t.sourceResolution = o, t.targetResolution = e.resolution, o = t.targetResolution) : (t.sourceResolution = o, t.targetResolution = this.getResolutionForZoom(e.zoom), o = t.targetResolution), e.rotation !== void 0) {
				t.sourceRotation = s;
				let n = $e(e.rotation - s + Math.PI, 2 * Math.PI) - Math.PI;
				t.targetRotation = s + n, s = t.targetRotation;
			}
			$u(t) ? t.complete = !0 : i += t.duration, c.push(t);
		}
		this.animations_.push(c), this.setHint(uc.ANIMATING, 1), this.updateAnimations_();
	}
	getAnimating() {
		return this.hints_[uc.ANIMATING] > 0;
	}
	getInteracting() {
		return this.hints_[uc.INTERACTING] > 0;
	}
	cancelAnimations() {
		this.setHint(uc.ANIMATING, -this.hints_[uc.ANIMATING]);
		let e;
		for (let t = 0, n = this.animations_.length; t < n; ++t) {
			let n = this.animations_[t];
			if (n[0].callback && Yu(n[0].callback, !1), !e) for (let t = 0, r = n.length; t < r; ++t) {
				let r = n[t];
				if (!r.complete) {
					e = r.anchor;
					break;
				}
			}
		}
		this.animations_.length = 0, this.cancelAnchor_ = e, this.nextCenter_ = null, this.nextResolution_ = NaN, this.nextRotation_ = NaN;
	}
	updateAnimations_() {
		if (this.updateAnimationKey_ !== void 0 && (cancelAnimationFrame(this.updateAnimationKey_), this.updateAnimationKey_ = void 0), !this.getAnimating()) return;
		let e = Date.now(), t = !1;
		for (let n = this.animations_.length - 1; n >= 0; --n) {
			let r = this.animations_[n], i = !0;
			for (let n = 0, a = r.length; n < a; ++n) {
				let a = r[n];
				if (a.complete) continue;
				let o = e - a.start, s = a.duration > 0 ? o / a.duration : 1;
				s >= 1 ? (a.complete = !0, s = 1) : i = !1;
				let c = a.easing(s);
				if (a.sourceCenter) {
					let e = a.sourceCenter[0], t = a.sourceCenter[1], n = a.targetCenter[0], r = a.targetCenter[1];
					this.nextCenter_ = a.targetCenter;
					let i = e + c * (n - e), o = t + c * (r - t);
					this.targetCenter_ = [i, o];
				}
				if (a.sourceResolution && a.targetResolution) {
					let e = c === 1 ? a.targetResolution : a.sourceResolution + c * (a.targetResolution - a.sourceResolution);
					if (a.anchor) {
						let t = this.getViewportSize_(this.getRotation()), n = this.constraints_.resolution(e, 0, t, !0);
						this.targetCenter_ = this.calculateCenterZoom(n, a.anchor);
					}
					this.nextResolution_ = a.targetResolution, this.targetResolution_ = e, this.applyTargetState_(!0);
				}
				if (a.sourceRotation !== void 0 && a.targetRotation !== void 0) {
					let e = c === 1 ? $e(a.targetRotation + Math.PI, 2 * Math.PI) - Math.PI : a.sourceRotation + c * (a.targetRotation - a.sourceRotation);
					if (a.anchor) {
						let t = this.constraints_.rotation(e, !0);
						this.targetCenter_ = this.calculateCenterRotate(t, a.anchor);
					}
					this.nextRotation_ = a.targetRotation, this.targetRotation_ = e;
				}
				if (this.applyTargetState_(!0), t = !0, !a.complete) break;
			}
			if (i) {
				this.animations_[n] = null, this.setHint(uc.ANIMATING, -1), this.nextCenter_ = null, this.nextResolution_ = NaN, this.nextRotation_ = NaN;
				let e = r[0].callback;
				e && Yu(e, !0);
			}
		}
		this.animations_ = this.animations_.filter(Boolean), t && this.updateAnimationKey_ === void 0 && (this.updateAnimationKey_ = requestAnimationFrame(this.updateAnimations_.bind(this)));
	}
	calculateCenterRotate(e, t) {
		let n, r = this.getCenterInternal();
		return r !== void 0 && (n = [r[0] - t[0], r[1] - t[1]], ct(n, e - this.getRotation()), at(n, t)), n;
	}
	calculateCenterZoom(e, t) {
		let n, r = this.getCenterInternal(), i = this.getResolution();
		return r !== void 0 && i !== void 0 && (n = [t[0] - e * (t[0] - r[0]) / i, t[1] - e * (t[1] - r[1]) / i]), n;
	}
	getViewportSize_(e) {
		let t = this.viewportSize_;
		if (e) {
			let n = t[0], r = t[1];
			return [Math.abs(n * Math.cos(e)) + Math.abs(r * Math.sin(e)), Math.abs(n * Math.sin(e)) + Math.abs(r * Math.cos(e))];
		}
		return t;
	}
	setViewportSize(e) {
		this.viewportSize_ = Array.isArray(e) ? e.slice() : [100, 100], this.getAnimating() || this.resolveConstraints(0);
	}
	getCenter() {
		let e = this.getCenterInternal();
		return e && Bn(e, this.getProjection());
	}
	getCenterInternal() {
		return this.get(ku.CENTER);
	}
	getConstraints() {
		return this.constraints_;
	}
	getConstrainResolution() {
		return this.get("constrainResolution");
	}
	getHints(e) {
		return e === void 0 ? this.hints_.slice() : (e[0] = this.hints_[0], e[1] = this.hints_[1], e);
	}
	calculateExtent(e) {
		return Hn(this.calculateExtentInternal(e), this.getProjection());
	}
	calculateExtentInternal(e) {
		e ||= this.getViewportSizeMinusPadding_();
		let t = this.getCenterInternal();
		V(t, "The view center is not defined");
		let n = this.getResolution();
		V(n !== void 0, "The view resolution is not defined");
		let r = this.getRotation();
		return V(r !== void 0, "The view rotation is not defined"), Fe(t, n, r, e);
	}
	getMaxResolution() {
		return this.maxResolution_;
	}
	getMinResolution() {
		return this.minResolution_;
	}
	getMaxZoom() {
		return this.getZoomForResolution(this.minResolution_);
	}
	setMaxZoom(e) {
		this.applyOptions_(this.getUpdatedOptions_({ maxZoom: e }));
	}
	getMinZoom() {
		return this.getZoomForResolution(this.maxResolution_);
	}
	setMinZoom(e) {
		this.applyOptions_(this.getUpdatedOptions_({ minZoom: e }));
	}
	setConstrainResolution(e) {
		this.applyOptions_(this.getUpdatedOptions_({ constrainResolution: e }));
	}
	getProjection() {
		return this.projection_;
	}
	getResolution() {
		return this.get(ku.RESOLUTION);
	}
	getResolutions() {
		return this.resolutions_;
	}
	getResolutionForExtent(e, t) {
		return this.getResolutionForExtentInternal(Un(e, this.getProjection()), t);
	}
	getResolutionForExtentInternal(e, t) {
		t ||= this.getViewportSizeMinusPadding_();
		let n = F(e) / t[0], r = Le(e) / t[1];
		return Math.max(n, r);
	}
	getResolutionForValueFunction(e) {
		e ||= 2;
		let t = this.getConstrainedResolution(this.maxResolution_), n = this.minResolution_, r = Math.log(t / n) / Math.log(e);
		return (function(n) {
			return t / e ** +(n * r);
		});
	}
	getRotation() {
		return this.get(ku.ROTATION);
	}
	getValueForResolutionFunction(e) {
		let t = Math.log(e || 2), n = this.getConstrainedResolution(this.maxResolution_), r = this.minResolution_, i = Math.log(n / r) / t;
		return (function(e) {
			return Math.log(n / e) / t / i;
		});
	}
	getViewportSizeMinusPadding_(e) {
		let t = this.getViewportSize_(e), n = this.padding_;
		return n && (t = [t[0] - n[1] - n[3], t[1] - n[0] - n[2]]), t;
	}
	getState() {
		let e = this.getProjection(), t = this.getResolution(), n = this.getRotation(), r = this.getCenterInternal(), i = this.padding_;
		if (i) {
			let e = this.getViewportSizeMinusPadding_();
			r = ed(r, this.getViewportSize_(), [e[0] / 2 + i[3], e[1] / 2 + i[0]], t, n);
		}
		return {
			center: r.slice(0),
			projection: e === void 0 ? null : e,
			resolution: t,
			nextCenter: this.nextCenter_,
			nextResolution: this.nextResolution_,
			nextRotation: this.nextRotation_,
			rotation: n,
			zoom: this.getZoom()
		};
	}
	getViewStateAndExtent() {
		return {
			viewState: this.getState(),
			extent: this.calculateExtent()
		};
	}
	getZoom() {
		let e, t = this.getResolution();
		return t !== void 0 && (e = this.getZoomForResolution(t)), e;
	}
	getZoomForResolution(e) {
		let t = this.minZoom_ || 0, n, r;
		if (this.resolutions_) {
			let i = xr(this.resolutions_, e, 1);
			t = i, n = this.resolutions_[i], r = i == this.resolutions_.length - 1 ? 2 : n / this.resolutions_[i + 1];
		} else n = this.maxResolution_, r = this.zoomFactor_;
		return t + Math.log(n / e) / Math.log(r);
	}
	getResolutionForZoom(e) {
		if (this.resolutions_?.length) {
			if (this.resolutions_.length === 1) return this.resolutions_[0];
			let t = qe(Math.floor(e), 0, this.resolutions_.length - 2), n = this.resolutions_[t] / this.resolutions_[t + 1];
			return this.resolutions_[t] / n ** +qe(e - t, 0, 1);
		}
		return this.maxResolution_ / this.zoomFactor_ ** +(e - this.minZoom_);
	}
	fit(e, t) {
		let n;
		if (V(Array.isArray(e) || typeof e.getSimplifiedGeometry == "function", "Invalid extent or geometry provided as `geometry`"), Array.isArray(e)) V(!He(e), "Cannot fit empty extent provided as `geometry`"), n = la(Un(e, this.getProjection()));
		else if (e.getType() === "Circle") {
			let t = Un(e.getExtent(), this.getProjection());
			n = la(t), n.rotate(this.getRotation(), Ne(t));
		} else n = e;
		this.fitInternal(n, t);
	}
	rotatedExtentForGeometry(e) {
		let t = this.getRotation(), n = Math.cos(t), r = Math.sin(-t), i = e.getFlatCoordinates(), a = e.getStride(), o = 1 / 0, s = 1 / 0, c = -1 / 0, l = -1 / 0;
		for (let e = 0, t = i.length; e < t; e += a) {
			let t = i[e] * n - i[e + 1] * r, a = i[e] * r + i[e + 1] * n;
			o = Math.min(o, t), s = Math.min(s, a), c = Math.max(c, t), l = Math.max(l, a);
		}
		return [
			o,
			s,
			c,
			l
		];
	}
	fitInternal(e, t) {
		t ||= {};
		let n = t.size;
		n ||= this.getViewportSizeMinusPadding_();
		let r = t.padding === void 0 ? [
			0,
			0,
			0,
			0
		] : t.padding, i = t.nearest !== void 0 && t.nearest, a;
		a = t.minResolution === void 0 ? t.maxZoom === void 0 ? 0 : this.getResolutionForZoom(t.maxZoom) : t.minResolution;
		let o = this.rotatedExtentForGeometry(e), s = this.getResolutionForExtentInternal(o, [n[0] - r[1] - r[3], n[1] - r[0] - r[2]]);
		s = isNaN(s) ? a : Math.max(s, a), s = this.getConstrainedResolution(s, +!i);
		let c = this.getRotation(), l = Math.sin(c), u = Math.cos(c), d = Ne(o);
		d[0] += (r[1] - r[3]) / 2 * s, d[1] += (r[0] - r[2]) / 2 * s;
		let f = d[0] * u - d[1] * l, p = d[1] * u + d[0] * l, m = this.getConstrainedCenter([f, p], s), h = t.callback ? t.callback : Or;
		t.duration === void 0 ? (this.targetResolution_ = s, this.targetCenter_ = m, this.applyTargetState_(!1, !0), Yu(h, !0)) : this.animateInternal({
			resolution: s,
			center: m,
			duration: t.duration,
			easing: t.easing
		}, h);
	}
	centerOn(e, t, n) {
		this.centerOnInternal(Vn(e, this.getProjection()), t, n);
	}
	centerOnInternal(e, t, n) {
		this.setCenterInternal(ed(e, t, n, this.getResolution(), this.getRotation()));
	}
	calculateCenterShift(e, t, n, r) {
		let i, a = this.padding_;
		if (a && e) {
			let o = this.getViewportSizeMinusPadding_(-n), s = ed(e, r, [o[0] / 2 + a[3], o[1] / 2 + a[0]], t, n);
			i = [e[0] - s[0], e[1] - s[1]];
		}
		return i;
	}
	isDef() {
		return !!this.getCenterInternal() && this.getResolution() !== void 0;
	}
	adjustCenter(e) {
		let t = Bn(this.targetCenter_, this.getProjection());
		this.setCenter([t[0] + e[0], t[1] + e[1]]);
	}
	adjustCenterInternal(e) {
		let t = this.targetCenter_;
		this.setCenterInternal([t[0] + e[0], t[1] + e[1]]);
	}
	adjustResolution(e, t) {
		t &&= Vn(t, this.getProjection()), this.adjustResolutionInternal(e, t);
	}
	adjustResolutionInternal(e, t) {
		let n = this.getAnimating() || this.getInteracting(), r = this.getViewportSize_(this.getRotation()), i = this.constraints_.resolution(this.targetResolution_ * e, 0, r, n);
		t && (this.targetCenter_ = this.calculateCenterZoom(i, t)), this.targetResolution_ *= e, this.applyTargetState_();
	}
	adjustZoom(e, t) {
		this.adjustResolution(this.zoomFactor_ ** +-e, t);
	}
	adjustRotation(e, t) {
		t &&= Vn(t, this.getProjection()), this.adjustRotationInternal(e, t);
	}
	adjustRotationInternal(e, t) {
		let n = this.getAnimating() || this.getInteracting(), r = this.constraints_.rotation(this.targetRotation_ + e, n);
		t && (this.targetCenter_ = this.calculateCenterRotate(r, t)), this.targetRotation_ += e, this.applyTargetState_();
	}
	setCenter(e) {
		this.setCenterInternal(e && Vn(e, this.getProjection()));
	}
	setCenterInternal(e) {
		this.targetCenter_ = e, this.applyTargetState_();
	}
	setHint(e, t) {
		return this.hints_[e] += t, this.changed(), this.hints_[e];
	}
	setResolution(e) {
		this.targetResolution_ = e, this.applyTargetState_();
	}
	setRotation(e) {
		this.targetRotation_ = e, this.applyTargetState_();
	}
	setZoom(e) {
		this.setResolution(this.getResolutionForZoom(e));
	}
	applyTargetState_(e, t) {
		let n = this.getAnimating() || this.getInteracting() || t, r = this.constraints_.rotation(this.targetRotation_, n), i = this.getViewportSize_(r), a = this.constraints_.resolution(this.targetResolution_, 0, i, n), o = this.constraints_.center(this.targetCenter_, a, i, n, this.calculateCenterShift(this.targetCenter_, a, r, i));
		this.get(ku.ROTATION) !== r && this.set(ku.ROTATION, r), this.get(ku.RESOLUTION) !== a && (this.set(ku.RESOLUTION, a), this.set("zoom", this.getZoom(), !0)), o && this.get(ku.CENTER) && st(this.get(ku.CENTER), o) || this.set(ku.CENTER, o), this.getAnimating() && !e && this.cancelAnimations(), this.cancelAnchor_ = void 0;
	}
	resolveConstraints(e, t, n) {
		e = e === void 0 ? 200 : e;
		let r = t || 0, i = this.constraints_.rotation(this.targetRotation_), a = this.getViewportSize_(i), o = this.constraints_.resolution(this.targetResolution_, r, a), s = this.constraints_.center(this.targetCenter_, o, a, !1, this.calculateCenterShift(this.targetCenter_, o, i, a));
		e === 0 && !this.cancelAnchor_ ? (this.targetResolution_ = o, this.targetRotation_ = i, this.targetCenter_ = s, this.applyTargetState_()) : (n ||= e === 0 ? this.cancelAnchor_ : void 0, this.cancelAnchor_ = void 0, this.getResolution() === o && this.getRotation() === i && this.getCenterInternal() && st(this.getCenterInternal(), s) || (this.getAnimating() && this.cancelAnimations(), this.animateInternal({
			rotation: i,
			center: s,
			resolution: o,
			duration: e,
			easing: Nu,
			anchor: n
		})));
	}
	beginInteraction() {
		this.resolveConstraints(0), this.setHint(uc.INTERACTING, 1);
	}
	endInteraction(e, t, n) {
		n &&= Vn(n, this.getProjection()), this.endInteractionInternal(e, t, n);
	}
	endInteractionInternal(e, t, n) {
		this.getInteracting() && (this.setHint(uc.INTERACTING, -1), this.resolveConstraints(e, t, n));
	}
	getConstrainedCenter(e, t) {
		let n = this.getViewportSize_(this.getRotation());
		return this.constraints_.center(e, t || this.getResolution(), n);
	}
	getConstrainedZoom(e, t) {
		let n = this.getResolutionForZoom(e);
		return this.getZoomForResolution(this.getConstrainedResolution(n, t));
	}
	getConstrainedResolution(e, t) {
		t ||= 0;
		let n = this.getViewportSize_(this.getRotation());
		return this.constraints_.resolution(e, t, n);
	}
};
function Yu(e, t) {
	setTimeout(function() {
		e(t);
	}, 0);
}
function Xu(e) {
	if (e.extent !== void 0) {
		let t = e.smoothExtentConstraint === void 0 || e.smoothExtentConstraint;
		return Au(e.extent, e.constrainOnlyCenter, t);
	}
	let t = jn(e.projection, "EPSG:3857");
	if (e.multiWorld !== !0 && t.isGlobal()) {
		let e = t.getExtent().slice();
		return e[0] = -1 / 0, e[2] = 1 / 0, Au(e, !1, !1);
	}
	return ju;
}
function Zu(e) {
	let t, n, r, i = e.minZoom === void 0 ? qu : e.minZoom, a = e.maxZoom === void 0 ? 28 : e.maxZoom, o = e.zoomFactor === void 0 ? 2 : e.zoomFactor, s = e.multiWorld !== void 0 && e.multiWorld, c = e.smoothResolutionConstraint === void 0 || e.smoothResolutionConstraint, l = e.showFullExtent !== void 0 && e.showFullExtent, u = jn(e.projection, "EPSG:3857"), d = u.getExtent(), f = e.constrainOnlyCenter, p = e.extent;
	if (!s && !p && u.isGlobal() && (f = !1, p = d), e.resolutions !== void 0) {
		let o = e.resolutions;
		n = o[i], r = o[a] === void 0 ? o[o.length - 1] : o[a], t = e.constrainResolution ? Ru(o, c, !f && p, l) : Bu(n, r, c, !f && p, l);
	} else {
		let s = (d ? Math.max(F(d), Le(d)) : 360 * ht.degrees / u.getMetersPerUnit()) / Ku / 2 ** qu, m = s / 2 ** 28;
		n = e.maxResolution, n === void 0 ? n = s / o ** +i : i = 0, r = e.minResolution, r === void 0 && (r = e.maxZoom === void 0 ? m : e.maxResolution === void 0 ? s / o ** +a : n / o ** +a), a = i + Math.floor(Math.log(n / r) / Math.log(o)), r = n / o ** +(a - i), t = e.constrainResolution ? zu(o, n, r, c, !f && p, l) : Bu(n, r, c, !f && p, l);
	}
	return {
		constraint: t,
		maxResolution: n,
		minResolution: r,
		minZoom: i,
		zoomFactor: o
	};
}
function Qu(e) {
	if (e.enableRotation === void 0 || e.enableRotation) {
		let t = e.constrainRotation;
		return t === void 0 || t === !0 ? Wu() : t === !1 ? Hu : typeof t == "number" ? Uu(t) : Hu;
	}
	return Vu;
}
function $u(e) {
	return !(e.sourceCenter && e.targetCenter && !st(e.sourceCenter, e.targetCenter) || e.sourceResolution !== e.targetResolution || e.sourceRotation !== e.targetRotation);
}
function ed(e, t, n, r, i) {
	let a = Math.cos(-i), o = Math.sin(-i), s = e[0] * a - e[1] * o, c = e[1] * a + e[0] * o;
	return s += (t[0] / 2 - n[0]) * r, c += (n[1] - t[1] / 2) * r, o = -o, [s * a - c * o, c * a + s * o];
}
var Y = {
	OPACITY: "opacity",
	VISIBLE: "visible",
	EXTENT: "extent",
	Z_INDEX: "zIndex",
	MAX_RESOLUTION: "maxResolution",
	MIN_RESOLUTION: "minResolution",
	MAX_ZOOM: "maxZoom",
	MIN_ZOOM: "minZoom",
	SOURCE: "source",
	MAP: "map"
}, td = class extends Lr {
	constructor(e) {
		super(), this.on, this.once, this.un, this.background_ = e.background;
		let t = Object.assign({}, e);
		typeof e.properties == "object" && (delete t.properties, Object.assign(t, e.properties)), t[Y.OPACITY] = e.opacity === void 0 ? 1 : e.opacity, V(typeof t[Y.OPACITY] == "number", "Layer opacity must be a number"), t[Y.VISIBLE] = e.visible === void 0 || e.visible, t[Y.Z_INDEX] = e.zIndex, t[Y.MAX_RESOLUTION] = e.maxResolution === void 0 ? 1 / 0 : e.maxResolution, t[Y.MIN_RESOLUTION] = e.minResolution === void 0 ? 0 : e.minResolution, t[Y.MIN_ZOOM] = e.minZoom === void 0 ? -1 / 0 : e.minZoom, t[Y.MAX_ZOOM] = e.maxZoom === void 0 ? 1 / 0 : e.maxZoom, this.className_ = t.className === void 0 ? "ol-layer" : t.className, delete t.className, this.setProperties(t), this.state_ = null;
	}
	getBackground() {
		return this.background_;
	}
	getClassName() {
		return this.className_;
	}
	getLayerState(e) {
		let t = this.state_ || {
			layer: this,
			managed: e === void 0 || e
		}, n = this.getZIndex();
		return t.opacity = qe(Math.round(this.getOpacity() * 100) / 100, 0, 1), t.visible = this.getVisible(), t.extent = this.getExtent(), t.zIndex = n === void 0 && !t.managed ? 1 / 0 : n, t.maxResolution = this.getMaxResolution(), t.minResolution = Math.max(this.getMinResolution(), 0), t.minZoom = this.getMinZoom(), t.maxZoom = this.getMaxZoom(), this.state_ = t, t;
	}
	getLayersArray(e) {
		return I();
	}
	getLayerStatesArray(e) {
		return I();
	}
	getExtent() {
		return this.get(Y.EXTENT);
	}
	getMaxResolution() {
		return this.get(Y.MAX_RESOLUTION);
	}
	getMinResolution() {
		return this.get(Y.MIN_RESOLUTION);
	}
	getMinZoom() {
		return this.get(Y.MIN_ZOOM);
	}
	getMaxZoom() {
		return this.get(Y.MAX_ZOOM);
	}
	getOpacity() {
		return this.get(Y.OPACITY);
	}
	getSourceState() {
		return I();
	}
	getVisible() {
		return this.get(Y.VISIBLE);
	}
	getZIndex() {
		return this.get(Y.Z_INDEX);
	}
	setBackground(e) {
		this.background_ = e, this.changed();
	}
	setExtent(e) {
		this.set(Y.EXTENT, e);
	}
	setMaxResolution(e) {
		this.set(Y.MAX_RESOLUTION, e);
	}
	setMinResolution(e) {
		this.set(Y.MIN_RESOLUTION, e);
	}
	setMaxZoom(e) {
		this.set(Y.MAX_ZOOM, e);
	}
	setMinZoom(e) {
		this.set(Y.MIN_ZOOM, e);
	}
	setOpacity(e) {
		V(typeof e == "number", "Layer opacity must be a number"), this.set(Y.OPACITY, e);
	}
	setVisible(e) {
		this.set(Y.VISIBLE, e);
	}
	setZIndex(e) {
		this.set(Y.Z_INDEX, e);
	}
	disposeInternal() {
		this.state_ &&= (this.state_.layer = null, null), super.disposeInternal();
	}
}, nd = class extends td {
	constructor(e) {
		let t = Object.assign({}, e);
		delete t.source, super(t), this.on, this.once, this.un, this.mapPrecomposeKey_ = null, this.mapRenderKey_ = null, this.sourceChangeKey_ = null, this.renderer_ = null, this.sourceReady_ = !1, this.rendered = !1, e.render && (this.render = e.render), e.map && this.setMap(e.map), this.addChangeListener(Y.SOURCE, this.handleSourcePropertyChange_);
		let n = e.source ? e.source : null;
		this.setSource(n);
	}
	getLayersArray(e) {
		return e ||= [], e.push(this), e;
	}
	getLayerStatesArray(e) {
		return e ||= [], e.push(this.getLayerState()), e;
	}
	getSource() {
		return this.get(Y.SOURCE) || null;
	}
	getRenderSource() {
		return this.getSource();
	}
	getSourceState() {
		let e = this.getSource();
		return e ? e.getState() : "undefined";
	}
	handleSourceChange_() {
		this.changed(), !(this.sourceReady_ || this.getSource().getState() !== "ready") && (this.sourceReady_ = !0, this.dispatchEvent("sourceready"));
	}
	handleSourcePropertyChange_() {
		this.sourceChangeKey_ &&= (B(this.sourceChangeKey_), null), this.sourceReady_ = !1;
		let e = this.getSource();
		e && (this.sourceChangeKey_ = z(e, R.CHANGE, this.handleSourceChange_, this), e.getState() === "ready" && (this.sourceReady_ = !0, setTimeout(() => {
			this.dispatchEvent("sourceready");
		}, 0))), this.changed();
	}
	getFeatures(e) {
		return this.renderer_ ? this.renderer_.getFeatures(e) : Promise.resolve([]);
	}
	getData(e) {
		return !this.renderer_ || !this.rendered ? null : this.renderer_.getData(e);
	}
	isVisible(e) {
		let t, n = this.getMapInternal();
		!e && n && (e = n.getView()), t = e instanceof Ju ? {
			viewState: e.getState(),
			extent: e.calculateExtent()
		} : e, !t.layerStatesArray && n && (t.layerStatesArray = n.getLayerGroup().getLayerStatesArray());
		let r;
		if (t.layerStatesArray) {
			if (r = t.layerStatesArray.find((e) => e.layer === this), !r) return !1;
		} else r = this.getLayerState();
		let i = this.getExtent();
		return rd(r, t.viewState) && (!i || Ve(i, t.extent));
	}
	getAttributions(e) {
		if (!this.isVisible(e)) return [];
		let t = this.getSource()?.getAttributions();
		if (!t) return [];
		let n = t(e instanceof Ju ? e.getViewStateAndExtent() : e);
		return Array.isArray(n) || (n = [n]), n;
	}
	render(e, t) {
		let n = this.getRenderer();
		return n.prepareFrame(e) ? (this.rendered = !0, n.renderFrame(e, t)) : null;
	}
	unrender() {
		this.rendered = !1;
	}
	getDeclutter() {}
	renderDeclutter(e, t) {}
	renderDeferred(e) {
		let t = this.getRenderer();
		t && t.renderDeferred(e);
	}
	setMapInternal(e) {
		e || this.unrender(), this.set(Y.MAP, e);
	}
	getMapInternal() {
		return this.get(Y.MAP);
	}
	setMap(e) {
		this.mapPrecomposeKey_ &&= (B(this.mapPrecomposeKey_), null), e || this.changed(), this.mapRenderKey_ &&= (B(this.mapRenderKey_), null), e && (this.mapPrecomposeKey_ = z(e, hs.PRECOMPOSE, this.handlePrecompose_, this), this.mapRenderKey_ = z(this, R.CHANGE, e.render, e), this.changed());
	}
	handlePrecompose_(e) {
		let t = e.frameState.layerStatesArray, n = this.getLayerState(!1);
		V(!t.some((e) => e.layer === n.layer), "A layer can only be added to the map once. Use either `layer.setMap()` or `map.addLayer()`, not both."), t.push(n);
	}
	setSource(e) {
		this.set(Y.SOURCE, e);
	}
	getRenderer() {
		return this.renderer_ ||= this.createRenderer(), this.renderer_;
	}
	hasRenderer() {
		return !!this.renderer_;
	}
	createRenderer() {
		return null;
	}
	clearRenderer() {
		this.renderer_ && (this.renderer_.dispose(), delete this.renderer_);
	}
	disposeInternal() {
		this.clearRenderer(), this.setSource(null), super.disposeInternal();
	}
};
function rd(e, t) {
	if (!e.visible) return !1;
	let n = t.resolution;
	if (n < e.minResolution || n >= e.maxResolution) return !1;
	let r = t.zoom;
	return r > e.minZoom && r <= e.maxZoom;
}
var id = { RENDER_ORDER: "renderOrder" }, ad = class extends nd {
	constructor(e) {
		e ||= {};
		let t = Object.assign({}, e);
		delete t.style, delete t.renderBuffer, delete t.updateWhileAnimating, delete t.updateWhileInteracting, super(t), this.declutter_ = e.declutter ? String(e.declutter) : void 0, this.renderBuffer_ = e.renderBuffer === void 0 ? 100 : e.renderBuffer, this.style_ = null, this.styleFunction_ = void 0, this.setStyle(e.style), this.updateWhileAnimating_ = e.updateWhileAnimating !== void 0 && e.updateWhileAnimating, this.updateWhileInteracting_ = e.updateWhileInteracting !== void 0 && e.updateWhileInteracting;
	}
	getDeclutter() {
		return this.declutter_;
	}
	getFeatures(e) {
		return super.getFeatures(e);
	}
	getRenderBuffer() {
		return this.renderBuffer_;
	}
	getRenderOrder() {
		return this.get(id.RENDER_ORDER);
	}
	getStyle() {
		return this.style_;
	}
	getStyleFunction() {
		return this.styleFunction_;
	}
	getUpdateWhileAnimating() {
		return this.updateWhileAnimating_;
	}
	getUpdateWhileInteracting() {
		return this.updateWhileInteracting_;
	}
	renderDeclutter(e, t) {
		let n = this.getDeclutter();
		n in e.declutter || (e.declutter[n] = new Us(9)), this.getRenderer().renderDeclutter(e, t);
	}
	setRenderOrder(e) {
		this.set(id.RENDER_ORDER, e);
	}
	setStyle(e) {
		this.style_ = e === void 0 ? ns : e;
		let t = od(e);
		this.styleFunction_ = e === null ? void 0 : es(t), this.changed();
	}
	setDeclutter(e) {
		this.declutter_ = e ? String(e) : void 0, this.changed();
	}
};
function od(e) {
	if (e === void 0) return ns;
	if (!e) return null;
	if (typeof e == "function" || e instanceof $o) return e;
	if (!Array.isArray(e)) return Xl([e]);
	if (e.length === 0) return [];
	let t = e.length, n = e[0];
	if (n instanceof $o) {
		let n = Array(t);
		for (let r = 0; r < t; ++r) {
			let t = e[r];
			if (!(t instanceof $o)) throw Error("Expected a list of style instances");
			n[r] = t;
		}
		return n;
	}
	if ("style" in n) {
		let n = Array(t);
		for (let r = 0; r < t; ++r) {
			let t = e[r];
			if (!("style" in t)) throw Error("Expected a list of rules with a style property");
			n[r] = t;
		}
		return Yl(n);
	}
	return Xl(e);
}
var sd = class extends ad {
	constructor(e) {
		super(e);
	}
	createRenderer() {
		return new $c(this);
	}
}, X = {
	IDLE: 0,
	LOADING: 1,
	LOADED: 2,
	ERROR: 3,
	EMPTY: 4
}, cd = class extends Mr {
	constructor(e, t, n) {
		super(), n ||= {}, this.tileCoord = e, this.state = t, this.key = "", this.transition_ = n.transition === void 0 ? 250 : n.transition, this.transitionStarts_ = {}, this.interpolate = !!n.interpolate;
	}
	changed() {
		this.dispatchEvent(R.CHANGE);
	}
	release() {
		this.setState(X.EMPTY);
	}
	getKey() {
		return this.key + "/" + this.tileCoord;
	}
	getTileCoord() {
		return this.tileCoord;
	}
	getState() {
		return this.state;
	}
	setState(e) {
		if (this.state !== X.EMPTY) {
			if (this.state !== X.ERROR && this.state > e) throw Error("Tile load sequence violation");
			this.state = e, this.changed();
		}
	}
	load() {
		I();
	}
	getAlpha(e, t) {
		if (!this.transition_) return 1;
		let n = this.transitionStarts_[e];
		if (!n) n = t, this.transitionStarts_[e] = n;
		else if (n === -1) return 1;
		let r = t - n + 1e3 / 60;
		return r >= this.transition_ ? 1 : Mu(r / this.transition_);
	}
	inTransition(e) {
		return this.transition_ ? this.transitionStarts_[e] !== -1 : !1;
	}
	endTransition(e) {
		this.transition_ && (this.transitionStarts_[e] = -1);
	}
	disposeInternal() {
		this.release(), super.disposeInternal();
	}
}, ld = class extends cd {
	constructor(e, t, n, r, i, a) {
		super(e, t, a), this.crossOrigin_ = r, this.src_ = n, this.key = n, this.image_, _a ? this.image_ = new OffscreenCanvas(1, 1) : (this.image_ = new Image(), r !== null && (this.image_.crossOrigin = r)), this.unlisten_ = null, this.tileLoadFunction_ = i;
	}
	getImage() {
		return this.image_;
	}
	setImage(e) {
		this.image_ = e, this.state = X.LOADED, this.unlistenImage_(), this.changed();
	}
	getCrossOrigin() {
		return this.crossOrigin_;
	}
	handleImageError_() {
		this.state = X.ERROR, this.unlistenImage_(), this.image_ = ud(), this.changed();
	}
	handleImageLoad_() {
		if (_a) this.state = X.LOADED;
		else {
			let e = this.image_;
			this.state = e.naturalWidth && e.naturalHeight ? X.LOADED : X.EMPTY;
		}
		this.unlistenImage_(), this.changed();
	}
	load() {
		this.state == X.ERROR && (this.state = X.IDLE, this.image_ = new Image(), this.crossOrigin_ !== null && (this.image_.crossOrigin = this.crossOrigin_)), this.state == X.IDLE && (this.state = X.LOADING, this.changed(), this.tileLoadFunction_(this, this.src_), this.unlisten_ = $a(this.image_, this.handleImageLoad_.bind(this), this.handleImageError_.bind(this)));
	}
	unlistenImage_() {
		this.unlisten_ &&= (this.unlisten_(), null);
	}
	disposeInternal() {
		this.unlistenImage_(), this.image_ = null, super.disposeInternal();
	}
};
function ud() {
	let e = ba(1, 1);
	return e.fillStyle = "rgba(0,0,0,0)", e.fillRect(0, 0, 1, 1), e.canvas;
}
var dd = class {
	constructor(e, t, n) {
		this.decay_ = e, this.minVelocity_ = t, this.delay_ = n, this.points_ = [], this.angle_ = 0, this.initialVelocity_ = 0;
	}
	begin() {
		this.points_.length = 0, this.angle_ = 0, this.initialVelocity_ = 0;
	}
	update(e, t) {
		this.points_.push(e, t, Date.now());
	}
	end() {
		if (this.points_.length < 6) return !1;
		let e = Date.now() - this.delay_, t = this.points_.length - 3;
		if (this.points_[t + 2] < e) return !1;
		let n = t - 3;
		for (; n > 0 && this.points_[n + 2] > e;) n -= 3;
		let r = this.points_[t + 2] - this.points_[n + 2];
		if (r < 1e3 / 60) return !1;
		let i = this.points_[t] - this.points_[n], a = this.points_[t + 1] - this.points_[n + 1];
		return this.angle_ = Math.atan2(a, i), this.initialVelocity_ = Math.sqrt(i * i + a * a) / r, this.initialVelocity_ > this.minVelocity_;
	}
	getDistance() {
		return (this.minVelocity_ - this.initialVelocity_) / this.decay_;
	}
	getAngle() {
		return this.angle_;
	}
}, fd = class extends jr {
	constructor(e, t, n) {
		super(e), this.map = t, this.frameState = n === void 0 ? null : n;
	}
}, pd = class extends fd {
	constructor(e, t, n, r, i, a) {
		super(e, t, i), this.originalEvent = n, this.pixel_ = null, this.coordinate_ = null, this.dragging = r !== void 0 && r, this.activePointers = a;
	}
	get pixel() {
		return this.pixel_ ||= this.map.getEventPixel(this.originalEvent), this.pixel_;
	}
	set pixel(e) {
		this.pixel_ = e;
	}
	get coordinate() {
		return this.coordinate_ ||= this.map.getCoordinateFromPixel(this.pixel), this.coordinate_;
	}
	set coordinate(e) {
		this.coordinate_ = e;
	}
	preventDefault() {
		super.preventDefault(), "preventDefault" in this.originalEvent && this.originalEvent.preventDefault();
	}
	stopPropagation() {
		super.stopPropagation(), "stopPropagation" in this.originalEvent && this.originalEvent.stopPropagation();
	}
}, Z = {
	SINGLECLICK: "singleclick",
	CLICK: R.CLICK,
	DBLCLICK: R.DBLCLICK,
	POINTERDRAG: "pointerdrag",
	POINTERMOVE: "pointermove",
	POINTERDOWN: "pointerdown",
	POINTERUP: "pointerup",
	POINTEROVER: "pointerover",
	POINTEROUT: "pointerout",
	POINTERENTER: "pointerenter",
	POINTERLEAVE: "pointerleave",
	POINTERCANCEL: "pointercancel"
}, md = {
	POINTERMOVE: "pointermove",
	POINTERDOWN: "pointerdown"
}, hd = class extends Mr {
	constructor(e, t) {
		super(e), this.map_ = e, this.clickTimeoutId_, this.emulateClicks_ = !1, this.dragging_ = !1, this.dragListenerKeys_ = [], this.moveTolerance_ = t === void 0 ? 1 : t, this.down_ = null;
		let n = this.map_.getViewport();
		this.activePointers_ = [], this.trackedTouches_ = {}, this.element_ = n, this.pointerdownListenerKey_ = z(n, md.POINTERDOWN, this.handlePointerDown_, this), this.originalPointerMoveEvent_, this.relayedListenerKey_ = z(n, md.POINTERMOVE, this.relayMoveEvent_, this), this.boundHandleTouchMove_ = this.handleTouchMove_.bind(this), this.element_.addEventListener(R.TOUCHMOVE, this.boundHandleTouchMove_, ya ? { passive: !1 } : !1);
	}
	emulateClick_(e) {
		let t = new pd(Z.CLICK, this.map_, e);
		this.dispatchEvent(t), this.clickTimeoutId_ === void 0 ? this.clickTimeoutId_ = setTimeout(() => {
			this.clickTimeoutId_ = void 0;
			let t = new pd(Z.SINGLECLICK, this.map_, e);
			this.dispatchEvent(t);
		}, 250) : (clearTimeout(this.clickTimeoutId_), this.clickTimeoutId_ = void 0, t = new pd(Z.DBLCLICK, this.map_, e), this.dispatchEvent(t));
	}
	updateActivePointers_(e) {
		let t = e, n = t.pointerId;
		if (t.type == Z.POINTERUP || t.type == Z.POINTERCANCEL) {
			delete this.trackedTouches_[n];
			for (let e in this.trackedTouches_) if (this.trackedTouches_[e].target !== t.target) {
				delete this.trackedTouches_[e];
				break;
			}
		} else (t.type == Z.POINTERDOWN || t.type == Z.POINTERMOVE) && (this.trackedTouches_[n] = t);
		this.activePointers_ = Object.values(this.trackedTouches_);
	}
	handlePointerUp_(e) {
		this.updateActivePointers_(e);
		let t = new pd(Z.POINTERUP, this.map_, e, void 0, void 0, this.activePointers_);
		this.dispatchEvent(t), this.emulateClicks_ && !t.defaultPrevented && !this.dragging_ && this.isMouseActionButton_(e) && this.emulateClick_(this.down_), this.activePointers_.length === 0 && (this.dragListenerKeys_.forEach(B), this.dragListenerKeys_.length = 0, this.dragging_ = !1, this.down_ = null);
	}
	isMouseActionButton_(e) {
		return e.button === 0;
	}
	handlePointerDown_(e) {
		this.emulateClicks_ = this.activePointers_.length === 0, this.updateActivePointers_(e);
		let t = new pd(Z.POINTERDOWN, this.map_, e, void 0, void 0, this.activePointers_);
		if (this.dispatchEvent(t), this.down_ = new PointerEvent(e.type, e), Object.defineProperty(this.down_, "target", {
			writable: !1,
			value: e.target
		}), this.dragListenerKeys_.length === 0) {
			let e = this.map_.getOwnerDocument();
			this.dragListenerKeys_.push(z(e, Z.POINTERMOVE, this.handlePointerMove_, this), z(e, Z.POINTERUP, this.handlePointerUp_, this), z(this.element_, Z.POINTERCANCEL, this.handlePointerUp_, this)), this.element_.getRootNode && this.element_.getRootNode() !== e && this.dragListenerKeys_.push(z(this.element_.getRootNode(), Z.POINTERUP, this.handlePointerUp_, this));
		}
	}
	handlePointerMove_(e) {
		if (this.isMoving_(e)) {
			this.updateActivePointers_(e), this.dragging_ = !0;
			let t = new pd(Z.POINTERDRAG, this.map_, e, this.dragging_, void 0, this.activePointers_);
			this.dispatchEvent(t);
		}
	}
	relayMoveEvent_(e) {
		this.originalPointerMoveEvent_ = e;
		let t = !!(this.down_ && this.isMoving_(e));
		this.dispatchEvent(new pd(Z.POINTERMOVE, this.map_, e, t));
	}
	handleTouchMove_(e) {
		let t = this.originalPointerMoveEvent_;
		t && !t.defaultPrevented || typeof e.cancelable == "boolean" && e.cancelable !== !0 || e.preventDefault();
	}
	isMoving_(e) {
		return this.dragging_ || Math.abs(e.clientX - this.down_.clientX) > this.moveTolerance_ || Math.abs(e.clientY - this.down_.clientY) > this.moveTolerance_;
	}
	disposeInternal() {
		this.relayedListenerKey_ &&= (B(this.relayedListenerKey_), null), this.element_.removeEventListener(R.TOUCHMOVE, this.boundHandleTouchMove_), this.pointerdownListenerKey_ &&= (B(this.pointerdownListenerKey_), null), this.dragListenerKeys_.forEach(B), this.dragListenerKeys_.length = 0, this.element_ = null, super.disposeInternal();
	}
}, gd = {
	POSTRENDER: "postrender",
	MOVESTART: "movestart",
	MOVEEND: "moveend",
	LOADSTART: "loadstart",
	LOADEND: "loadend"
}, _d = {
	LAYERGROUP: "layergroup",
	SIZE: "size",
	TARGET: "target",
	VIEW: "view"
}, vd = 1 / 0, yd = class {
	constructor(e, t) {
		this.priorityFunction_ = e, this.keyFunction_ = t, this.elements_ = [], this.priorities_ = [], this.queuedElements_ = {};
	}
	clear() {
		this.elements_.length = 0, this.priorities_.length = 0, Pt(this.queuedElements_);
	}
	dequeue() {
		let e = this.elements_, t = this.priorities_, n = e[0];
		e.length == 1 ? (e.length = 0, t.length = 0) : (e[0] = e.pop(), t[0] = t.pop(), this.siftUp_(0));
		let r = this.keyFunction_(n);
		return delete this.queuedElements_[r], n;
	}
	enqueue(e) {
		V(!(this.keyFunction_(e) in this.queuedElements_), "Tried to enqueue an `element` that was already added to the queue");
		let t = this.priorityFunction_(e);
		return t != vd && (this.elements_.push(e), this.priorities_.push(t), this.queuedElements_[this.keyFunction_(e)] = !0, this.siftDown_(0, this.elements_.length - 1), !0);
	}
	getCount() {
		return this.elements_.length;
	}
	getLeftChildIndex_(e) {
		return e * 2 + 1;
	}
	getRightChildIndex_(e) {
		return e * 2 + 2;
	}
	getParentIndex_(e) {
		return e - 1 >> 1;
	}
	heapify_() {
		let e;
		for (e = (this.elements_.length >> 1) - 1; e >= 0; e--) this.siftUp_(e);
	}
	isEmpty() {
		return this.elements_.length === 0;
	}
	isKeyQueued(e) {
		return e in this.queuedElements_;
	}
	isQueued(e) {
		return this.isKeyQueued(this.keyFunction_(e));
	}
	siftUp_(e) {
		let t = this.elements_, n = this.priorities_, r = t.length, i = t[e], a = n[e], o = e;
		for (; e < r >> 1;) {
			let i = this.getLeftChildIndex_(e), a = this.getRightChildIndex_(e), o = a < r && n[a] < n[i] ? a : i;
			t[e] = t[o], n[e] = n[o], e = o;
		}
		t[e] = i, n[e] = a, this.siftDown_(o, e);
	}
	siftDown_(e, t) {
		let n = this.elements_, r = this.priorities_, i = n[t], a = r[t];
		for (; t > e;) {
			let e = this.getParentIndex_(t);
			if (r[e] > a) n[t] = n[e], r[t] = r[e], t = e;
			else break;
		}
		n[t] = i, r[t] = a;
	}
	reprioritize() {
		let e = this.priorityFunction_, t = this.elements_, n = this.priorities_, r = 0, i = t.length, a, o, s;
		for (o = 0; o < i; ++o) a = t[o], s = e(a), s == vd ? delete this.queuedElements_[this.keyFunction_(a)] : (n[r] = s, t[r++] = a);
		t.length = r, n.length = r, this.heapify_();
	}
}, bd = class extends yd {
	constructor(e, t) {
		super((t) => e.apply(null, t), (e) => e[0].getKey()), this.boundHandleTileChange_ = this.handleTileChange.bind(this), this.tileChangeCallback_ = t, this.tilesLoading_ = 0, this.tilesLoadingKeys_ = {};
	}
	enqueue(e) {
		let t = super.enqueue(e);
		return t && e[0].addEventListener(R.CHANGE, this.boundHandleTileChange_), t;
	}
	getTilesLoading() {
		return this.tilesLoading_;
	}
	handleTileChange(e) {
		let t = e.target, n = t.getState();
		if (n === X.LOADED || n === X.ERROR || n === X.EMPTY) {
			n !== X.ERROR && t.removeEventListener(R.CHANGE, this.boundHandleTileChange_);
			let e = t.getKey();
			e in this.tilesLoadingKeys_ && (delete this.tilesLoadingKeys_[e], --this.tilesLoading_), this.tileChangeCallback_();
		}
	}
	loadMoreTiles(e, t) {
		let n = 0;
		for (; this.tilesLoading_ < e && n < t && this.getCount() > 0;) {
			let e = this.dequeue()[0], t = e.getKey();
			e.getState() === X.IDLE && !(t in this.tilesLoadingKeys_) && (this.tilesLoadingKeys_[t] = !0, ++this.tilesLoading_, ++n, e.load());
		}
	}
};
function xd(e, t, n, r, i) {
	if (!e || !(n in e.wantedTiles) || !e.wantedTiles[n][t.getKey()]) return vd;
	let a = e.viewState.center, o = r[0] - a[0], s = r[1] - a[1];
	return 65536 * Math.log(i) + Math.sqrt(o * o + s * s) / i;
}
var Sd = class extends Lr {
	constructor(e) {
		super();
		let t = e.element;
		t && !e.target && !t.style.pointerEvents && (t.style.pointerEvents = "auto"), this.element = t || null, this.target_ = null, this.map_ = null, this.listenerKeys = [], e.render && (this.render = e.render), e.target && this.setTarget(e.target);
	}
	disposeInternal() {
		this.element?.remove(), super.disposeInternal();
	}
	getMap() {
		return this.map_;
	}
	setMap(e) {
		this.map_ && this.element?.remove();
		for (let e = 0, t = this.listenerKeys.length; e < t; ++e) B(this.listenerKeys[e]);
		if (this.listenerKeys.length = 0, this.map_ = e, e) {
			let t = this.target_ ?? e.getOverlayContainerStopEvent();
			this.element && t.appendChild(this.element), this.render !== Or && this.listenerKeys.push(z(e, gd.POSTRENDER, this.render, this)), e.render();
		}
	}
	render(e) {}
	setTarget(e) {
		this.target_ = typeof e == "string" ? document.getElementById(e) : e;
	}
}, Cd = class extends Sd {
	constructor(e) {
		e ||= {}, super({
			element: document.createElement("div"),
			render: e.render,
			target: e.target
		}), this.ulElement_ = document.createElement("ul"), this.collapsed_ = e.collapsed === void 0 || e.collapsed, this.userCollapsed_ = this.collapsed_, this.overrideCollapsible_ = e.collapsible !== void 0, this.collapsible_ = e.collapsible === void 0 || e.collapsible, this.collapsible_ || (this.collapsed_ = !1), this.attributions_ = e.attributions;
		let t = e.className === void 0 ? "ol-attribution" : e.className, n = e.tipLabel === void 0 ? "Attributions" : e.tipLabel, r = e.expandClassName === void 0 ? t + "-expand" : e.expandClassName, i = e.collapseLabel === void 0 ? "›" : e.collapseLabel, a = e.collapseClassName === void 0 ? t + "-collapse" : e.collapseClassName;
		typeof i == "string" ? (this.collapseLabel_ = document.createElement("span"), this.collapseLabel_.textContent = i, this.collapseLabel_.className = a) : this.collapseLabel_ = i;
		let o = e.label === void 0 ? "i" : e.label;
		typeof o == "string" ? (this.label_ = document.createElement("span"), this.label_.textContent = o, this.label_.className = r) : this.label_ = o;
		let s = this.collapsible_ && !this.collapsed_ ? this.collapseLabel_ : this.label_;
		this.toggleButton_ = document.createElement("button"), this.toggleButton_.setAttribute("type", "button"), this.toggleButton_.setAttribute("aria-expanded", String(!this.collapsed_)), this.toggleButton_.title = n, this.toggleButton_.appendChild(s), this.toggleButton_.addEventListener(R.CLICK, this.handleClick_.bind(this), !1);
		let c = t + " ol-unselectable ol-control" + (this.collapsed_ && this.collapsible_ ? " " + fo : "") + (this.collapsible_ ? "" : " ol-uncollapsible"), l = this.element;
		l.className = c, l.appendChild(this.toggleButton_), l.appendChild(this.ulElement_), this.renderedAttributions_ = [], this.renderedVisible_ = !0;
	}
	collectSourceAttributions_(e) {
		let t = this.getMap().getAllLayers(), n = new Set(t.flatMap((t) => t.getAttributions(e)));
		if (this.attributions_ !== void 0 && (Array.isArray(this.attributions_) ? this.attributions_.forEach((e) => n.add(e)) : n.add(this.attributions_)), !this.overrideCollapsible_) {
			let e = !t.some((e) => e.getSource()?.getAttributionsCollapsible() === !1);
			this.setCollapsible(e);
		}
		return Array.from(n);
	}
	async updateElement_(e) {
		if (!e) {
			this.renderedVisible_ &&= (this.element.style.display = "none", !1);
			return;
		}
		let t = await Promise.all(this.collectSourceAttributions_(e).map((e) => Ar(() => e))), n = t.length > 0;
		if (this.renderedVisible_ != n && (this.element.style.display = n ? "" : "none", this.renderedVisible_ = n), !wr(t, this.renderedAttributions_)) {
			Ta(this.ulElement_);
			for (let e = 0, n = t.length; e < n; ++e) {
				let n = document.createElement("li");
				n.innerHTML = t[e], this.ulElement_.appendChild(n);
			}
			this.renderedAttributions_ = t;
		}
	}
	handleClick_(e) {
		e.preventDefault(), this.handleToggle_(), this.userCollapsed_ = this.collapsed_;
	}
	handleToggle_() {
		this.element.classList.toggle(fo), this.collapsed_ ? wa(this.collapseLabel_, this.label_) : wa(this.label_, this.collapseLabel_), this.collapsed_ = !this.collapsed_, this.toggleButton_.setAttribute("aria-expanded", String(!this.collapsed_));
	}
	getCollapsible() {
		return this.collapsible_;
	}
	setCollapsible(e) {
		this.collapsible_ !== e && (this.collapsible_ = e, this.element.classList.toggle("ol-uncollapsible"), this.userCollapsed_ && this.handleToggle_());
	}
	setCollapsed(e) {
		this.userCollapsed_ = e, this.collapsible_ && this.collapsed_ !== e && this.handleToggle_();
	}
	getCollapsed() {
		return this.collapsed_;
	}
	render(e) {
		this.updateElement_(e.frameState);
	}
}, wd = class extends Sd {
	constructor(e) {
		e ||= {}, super({
			element: document.createElement("div"),
			render: e.render,
			target: e.target
		});
		let t = e.className === void 0 ? "ol-rotate" : e.className, n = e.label === void 0 ? "⇧" : e.label, r = e.compassClassName === void 0 ? "ol-compass" : e.compassClassName;
		this.label_ = null, typeof n == "string" ? (this.label_ = document.createElement("span"), this.label_.className = r, this.label_.textContent = n) : (this.label_ = n, this.label_.classList.add(r));
		let i = e.tipLabel ? e.tipLabel : "Reset rotation", a = document.createElement("button");
		a.className = t + "-reset", a.setAttribute("type", "button"), a.title = i, a.appendChild(this.label_), a.addEventListener(R.CLICK, this.handleClick_.bind(this), !1);
		let o = t + " ol-unselectable ol-control", s = this.element;
		s.className = o, s.appendChild(a), this.callResetNorth_ = e.resetNorth ? e.resetNorth : void 0, this.duration_ = e.duration === void 0 ? 250 : e.duration, this.autoHide_ = e.autoHide === void 0 || e.autoHide, this.rotation_ = void 0, this.autoHide_ && this.element.classList.add(uo);
	}
	handleClick_(e) {
		e.preventDefault(), this.callResetNorth_ === void 0 ? this.resetNorth_() : this.callResetNorth_();
	}
	resetNorth_() {
		let e = this.getMap().getView();
		if (!e) return;
		let t = e.getRotation();
		t !== void 0 && (this.duration_ > 0 && t % (2 * Math.PI) != 0 ? e.animate({
			rotation: 0,
			duration: this.duration_,
			easing: Nu
		}) : e.setRotation(0));
	}
	render(e) {
		let t = e.frameState;
		if (!t) return;
		let n = t.viewState.rotation;
		if (n != this.rotation_) {
			let e = "rotate(" + n + "rad)";
			if (this.autoHide_) {
				let e = this.element.classList.contains(uo);
				!e && n === 0 ? this.element.classList.add(uo) : e && n !== 0 && this.element.classList.remove(uo);
			}
			this.label_.style.transform = e;
		}
		this.rotation_ = n;
	}
}, Td = class extends Sd {
	constructor(e) {
		e ||= {}, super({
			element: document.createElement("div"),
			target: e.target
		});
		let t = e.className === void 0 ? "ol-zoom" : e.className, n = e.delta === void 0 ? 1 : e.delta, r = e.zoomInClassName === void 0 ? t + "-in" : e.zoomInClassName, i = e.zoomOutClassName === void 0 ? t + "-out" : e.zoomOutClassName, a = e.zoomInLabel === void 0 ? "+" : e.zoomInLabel, o = e.zoomOutLabel === void 0 ? "–" : e.zoomOutLabel, s = e.zoomInTipLabel === void 0 ? "Zoom in" : e.zoomInTipLabel, c = e.zoomOutTipLabel === void 0 ? "Zoom out" : e.zoomOutTipLabel, l = document.createElement("button");
		l.className = r, l.setAttribute("type", "button"), l.title = s, l.appendChild(typeof a == "string" ? document.createTextNode(a) : a), l.addEventListener(R.CLICK, this.handleClick_.bind(this, n), !1);
		let u = document.createElement("button");
		u.className = i, u.setAttribute("type", "button"), u.title = c, u.appendChild(typeof o == "string" ? document.createTextNode(o) : o), u.addEventListener(R.CLICK, this.handleClick_.bind(this, -n), !1);
		let d = t + " ol-unselectable ol-control", f = this.element;
		f.className = d, f.appendChild(l), f.appendChild(u), this.duration_ = e.duration === void 0 ? 250 : e.duration;
	}
	handleClick_(e, t) {
		t.preventDefault(), this.zoomByDelta_(e);
	}
	zoomByDelta_(e) {
		let t = this.getMap().getView();
		if (!t) return;
		let n = t.getZoom();
		if (n !== void 0) {
			let r = t.getConstrainedZoom(n + e);
			this.duration_ > 0 ? (t.getAnimating() && t.cancelAnimations(), t.animate({
				zoom: r,
				duration: this.duration_,
				easing: Nu
			})) : t.setZoom(r);
		}
	}
};
function Ed(e) {
	e ||= {};
	let t = new fs();
	return (e.zoom === void 0 || e.zoom) && t.push(new Td(e.zoomOptions)), (e.rotate === void 0 || e.rotate) && t.push(new wd(e.rotateOptions)), (e.attribution === void 0 || e.attribution) && t.push(new Cd(e.attributionOptions)), t;
}
var Dd = { ACTIVE: "active" }, Od = class extends Lr {
	constructor(e) {
		super(), this.on, this.once, this.un, e && e.handleEvent && (this.handleEvent = e.handleEvent), this.map_ = null, this.setActive(!0);
	}
	getActive() {
		return this.get(Dd.ACTIVE);
	}
	getMap() {
		return this.map_;
	}
	handleEvent(e) {
		return !0;
	}
	setActive(e) {
		this.set(Dd.ACTIVE, e);
	}
	setMap(e) {
		this.map_ = e;
	}
};
function kd(e, t, n) {
	let r = e.getCenterInternal();
	if (r) {
		let i = [r[0] + t[0], r[1] + t[1]];
		e.animateInternal({
			duration: n === void 0 ? 250 : n,
			easing: Fu,
			center: e.getConstrainedCenter(i)
		});
	}
}
function Ad(e, t, n, r) {
	let i = e.getZoom();
	if (i === void 0) return;
	let a = e.getConstrainedZoom(i + t), o = e.getResolutionForZoom(a);
	e.getAnimating() && e.cancelAnimations(), e.animate({
		resolution: o,
		anchor: n,
		duration: r === void 0 ? 250 : r,
		easing: Nu
	});
}
var jd = class extends Od {
	constructor(e) {
		super(), e ||= {}, this.delta_ = e.delta ? e.delta : 1, this.duration_ = e.duration === void 0 ? 250 : e.duration;
	}
	handleEvent(e) {
		let t = !1;
		if (e.type == Z.DBLCLICK) {
			let n = e.originalEvent, r = e.map, i = e.coordinate, a = n.shiftKey ? -this.delta_ : this.delta_;
			Ad(r.getView(), a, i, this.duration_), n.preventDefault(), t = !0;
		}
		return !t;
	}
};
function Md(e) {
	let t = arguments;
	return function(e) {
		let n = !0;
		for (let r = 0, i = t.length; r < i && (n &&= t[r](e), n); ++r);
		return n;
	};
}
var Nd = function(e) {
	let t = e.originalEvent;
	return t.altKey && !(t.metaKey || t.ctrlKey) && !t.shiftKey;
}, Pd = function(e) {
	let t = e.originalEvent;
	return t.altKey && !(t.metaKey || t.ctrlKey) && t.shiftKey;
}, Fd = function(e) {
	let t = e.map.getTargetElement(), n = t.getRootNode(), r = e.map.getOwnerDocument().activeElement;
	return n instanceof ShadowRoot ? n.host.contains(r) : t.contains(r);
}, Id = function(e) {
	let t = e.map.getTargetElement(), n = t.getRootNode();
	return !(n instanceof ShadowRoot ? n.host : t).hasAttribute("tabindex") || Fd(e);
}, Ld = Er, Rd = function(e) {
	let t = e.originalEvent;
	return "pointerId" in t && t.button == 0 && !(ma && ha && t.ctrlKey);
}, zd = Dr, Bd = function(e) {
	return e.type == Z.SINGLECLICK;
}, Vd = function(e) {
	let t = e.originalEvent;
	return !t.altKey && !(t.metaKey || t.ctrlKey) && !t.shiftKey;
}, Hd = function(e) {
	let t = e.originalEvent;
	return ha ? t.metaKey : t.ctrlKey;
}, Ud = function(e) {
	let t = e.originalEvent;
	return !t.altKey && !(t.metaKey || t.ctrlKey) && t.shiftKey;
}, Wd = function(e) {
	let t = e.originalEvent, n = t.target.tagName;
	return n !== "INPUT" && n !== "SELECT" && n !== "TEXTAREA" && !t.target.isContentEditable;
}, Gd = function(e) {
	let t = e.originalEvent;
	return "pointerId" in t && t.pointerType == "mouse";
}, Kd = function(e) {
	let t = e.originalEvent;
	return "pointerId" in t && t.isPrimary && t.button === 0;
}, qd = class extends Od {
	constructor(e) {
		e ||= {}, super(e), e.handleDownEvent && (this.handleDownEvent = e.handleDownEvent), e.handleDragEvent && (this.handleDragEvent = e.handleDragEvent), e.handleMoveEvent && (this.handleMoveEvent = e.handleMoveEvent), e.handleUpEvent && (this.handleUpEvent = e.handleUpEvent), e.stopDown && (this.stopDown = e.stopDown), this.handlingDownUpSequence = !1, this.targetPointers = [];
	}
	getPointerCount() {
		return this.targetPointers.length;
	}
	handleDownEvent(e) {
		return !1;
	}
	handleDragEvent(e) {}
	handleEvent(e) {
		if (!e.originalEvent) return !0;
		let t = !1;
		if (this.updateTrackedPointers_(e), this.handlingDownUpSequence) {
			if (e.type == Z.POINTERDRAG) this.handleDragEvent(e), e.originalEvent.preventDefault();
			else if (e.type == Z.POINTERUP) {
				let t = this.handleUpEvent(e);
				this.handlingDownUpSequence = t && this.targetPointers.length > 0;
			}
		} else if (e.type == Z.POINTERDOWN) {
			let n = this.handleDownEvent(e);
			this.handlingDownUpSequence = n, t = this.stopDown(n);
		} else e.type == Z.POINTERMOVE && this.handleMoveEvent(e);
		return !t;
	}
	handleMoveEvent(e) {}
	handleUpEvent(e) {
		return !1;
	}
	stopDown(e) {
		return e;
	}
	updateTrackedPointers_(e) {
		e.activePointers && (this.targetPointers = e.activePointers);
	}
};
function Jd(e) {
	let t = e.length, n = 0, r = 0;
	for (let i = 0; i < t; i++) n += e[i].clientX, r += e[i].clientY;
	return {
		clientX: n / t,
		clientY: r / t
	};
}
var Yd = class extends qd {
	constructor(e) {
		super({ stopDown: Dr }), e ||= {}, this.kinetic_ = e.kinetic, this.lastCentroid = null, this.lastPointersCount_, this.panning_ = !1;
		let t = e.condition ? e.condition : Md(Vd, Kd);
		this.condition_ = e.onFocusOnly ? Md(Id, t) : t, this.noKinetic_ = !1;
	}
	handleDragEvent(e) {
		let t = e.map;
		this.panning_ || (this.panning_ = !0, t.getView().beginInteraction());
		let n = this.targetPointers, r = t.getEventPixel(Jd(n));
		if (n.length == this.lastPointersCount_) {
			if (this.kinetic_ && this.kinetic_.update(r[0], r[1]), this.lastCentroid) {
				let t = [this.lastCentroid[0] - r[0], r[1] - this.lastCentroid[1]], n = e.map.getView();
				lt(t, n.getResolution()), ct(t, n.getRotation()), n.adjustCenterInternal(t);
			}
		} else this.kinetic_ && this.kinetic_.begin();
		this.lastCentroid = r, this.lastPointersCount_ = n.length, e.originalEvent.preventDefault();
	}
	handleUpEvent(e) {
		let t = e.map, n = t.getView();
		if (this.targetPointers.length === 0) {
			if (!this.noKinetic_ && this.kinetic_ && this.kinetic_.end()) {
				let e = this.kinetic_.getDistance(), r = this.kinetic_.getAngle(), i = n.getCenterInternal(), a = t.getPixelFromCoordinateInternal(i), o = t.getCoordinateFromPixelInternal([a[0] - e * Math.cos(r), a[1] - e * Math.sin(r)]);
				n.animateInternal({
					center: n.getConstrainedCenter(o),
					duration: 500,
					easing: Nu
				});
			}
			return this.panning_ && (this.panning_ = !1, n.endInteraction()), !1;
		}
		return this.kinetic_ && this.kinetic_.begin(), this.lastCentroid = null, !0;
	}
	handleDownEvent(e) {
		if (this.targetPointers.length > 0 && this.condition_(e)) {
			let t = e.map.getView();
			return this.lastCentroid = null, t.getAnimating() && t.cancelAnimations(), this.kinetic_ && this.kinetic_.begin(), this.noKinetic_ = this.targetPointers.length > 1, !0;
		}
		return !1;
	}
}, Xd = class extends qd {
	constructor(e) {
		e ||= {}, super({ stopDown: Dr }), this.condition_ = e.condition ? e.condition : Pd, this.lastAngle_ = void 0, this.duration_ = e.duration === void 0 ? 250 : e.duration;
	}
	handleDragEvent(e) {
		if (!Gd(e)) return;
		let t = e.map, n = t.getView();
		if (n.getConstraints().rotation === Vu) return;
		let r = t.getSize(), i = e.pixel, a = Math.atan2(r[1] / 2 - i[1], i[0] - r[0] / 2);
		if (this.lastAngle_ !== void 0) {
			let e = a - this.lastAngle_;
			n.adjustRotationInternal(-e);
		}
		this.lastAngle_ = a;
	}
	handleUpEvent(e) {
		return !Gd(e) || (e.map.getView().endInteraction(this.duration_), !1);
	}
	handleDownEvent(e) {
		return Gd(e) && Rd(e) && this.condition_(e) ? (e.map.getView().beginInteraction(), this.lastAngle_ = void 0, !0) : !1;
	}
}, Zd = class extends _r {
	constructor(e) {
		super(), this.geometry_ = null, this.element_ = document.createElement("div"), this.element_.style.position = "absolute", this.element_.style.pointerEvents = "auto", this.element_.className = "ol-box " + e, this.map_ = null, this.startPixel_ = null, this.endPixel_ = null;
	}
	disposeInternal() {
		this.setMap(null);
	}
	render_() {
		let e = this.startPixel_, t = this.endPixel_, n = this.element_.style;
		n.left = Math.min(e[0], t[0]) + "px", n.top = Math.min(e[1], t[1]) + "px", n.width = Math.abs(t[0] - e[0]) + "px", n.height = Math.abs(t[1] - e[1]) + "px";
	}
	setMap(e) {
		if (this.map_) {
			this.map_.getOverlayContainer().removeChild(this.element_);
			let e = this.element_.style;
			e.left = "inherit", e.top = "inherit", e.width = "inherit", e.height = "inherit";
		}
		this.map_ = e, this.map_ && this.map_.getOverlayContainer().appendChild(this.element_);
	}
	setPixels(e, t) {
		this.startPixel_ = e, this.endPixel_ = t, this.createOrUpdateGeometry(), this.render_();
	}
	createOrUpdateGeometry() {
		if (!this.map_) return;
		let e = this.startPixel_, t = this.endPixel_, n = [
			e,
			[e[0], t[1]],
			t,
			[t[0], e[1]]
		].map(this.map_.getCoordinateFromPixelInternal, this.map_);
		n[4] = n[0].slice(), this.geometry_ ? this.geometry_.setCoordinates([n]) : this.geometry_ = new ca([n]);
	}
	getGeometry() {
		return this.geometry_;
	}
}, Qd = {
	BOXSTART: "boxstart",
	BOXDRAG: "boxdrag",
	BOXEND: "boxend",
	BOXCANCEL: "boxcancel"
}, $d = class extends jr {
	constructor(e, t, n) {
		super(e), this.coordinate = t, this.mapBrowserEvent = n;
	}
}, ef = class extends qd {
	constructor(e) {
		super(), this.on, this.once, this.un, e ??= {}, this.box_ = new Zd(e.className || "ol-dragbox"), this.minArea_ = e.minArea ?? 64, e.onBoxEnd && (this.onBoxEnd = e.onBoxEnd), this.startPixel_ = null, this.condition_ = e.condition ?? Rd, this.boxEndCondition_ = e.boxEndCondition ?? this.defaultBoxEndCondition;
	}
	defaultBoxEndCondition(e, t, n) {
		let r = n[0] - t[0], i = n[1] - t[1];
		return r * r + i * i >= this.minArea_;
	}
	getGeometry() {
		return this.box_.getGeometry();
	}
	handleDragEvent(e) {
		this.startPixel_ && (this.box_.setPixels(this.startPixel_, e.pixel), this.dispatchEvent(new $d(Qd.BOXDRAG, e.coordinate, e)));
	}
	handleUpEvent(e) {
		if (!this.startPixel_) return !1;
		let t = this.boxEndCondition_(e, this.startPixel_, e.pixel);
		return t && this.onBoxEnd(e), this.dispatchEvent(new $d(t ? Qd.BOXEND : Qd.BOXCANCEL, e.coordinate, e)), this.box_.setMap(null), this.startPixel_ = null, !1;
	}
	handleDownEvent(e) {
		return this.condition_(e) ? (this.startPixel_ = e.pixel, this.box_.setMap(e.map), this.box_.setPixels(this.startPixel_, this.startPixel_), this.dispatchEvent(new $d(Qd.BOXSTART, e.coordinate, e)), !0) : !1;
	}
	onBoxEnd(e) {}
	setActive(e) {
		e || (this.box_.setMap(null), this.startPixel_ &&= (this.dispatchEvent(new $d(Qd.BOXCANCEL, this.startPixel_, null)), null)), super.setActive(e);
	}
	setMap(e) {
		this.getMap() && (this.box_.setMap(null), this.startPixel_ &&= (this.dispatchEvent(new $d(Qd.BOXCANCEL, this.startPixel_, null)), null)), super.setMap(e);
	}
}, tf = class extends ef {
	constructor(e) {
		e ||= {};
		let t = e.condition ? e.condition : Ud;
		super({
			condition: t,
			className: e.className || "ol-dragzoom",
			minArea: e.minArea
		}), this.duration_ = e.duration === void 0 ? 200 : e.duration, this.out_ = e.out !== void 0 && e.out;
	}
	onBoxEnd(e) {
		let t = this.getMap().getView(), n = this.getGeometry();
		if (this.out_) {
			let e = t.rotatedExtentForGeometry(n), r = t.getResolutionForExtentInternal(e), i = t.getResolution() / r;
			n = n.clone(), n.scale(i * i);
		}
		t.fitInternal(n, {
			duration: this.duration_,
			easing: Nu
		});
	}
}, nf = {
	LEFT: "ArrowLeft",
	UP: "ArrowUp",
	RIGHT: "ArrowRight",
	DOWN: "ArrowDown"
}, rf = class extends Od {
	constructor(e) {
		super(), e ||= {}, this.defaultCondition_ = function(e) {
			return Vd(e) && Wd(e);
		}, this.condition_ = e.condition === void 0 ? this.defaultCondition_ : e.condition, this.duration_ = e.duration === void 0 ? 100 : e.duration, this.pixelDelta_ = e.pixelDelta === void 0 ? 128 : e.pixelDelta;
	}
	handleEvent(e) {
		let t = !1;
		if (e.type == R.KEYDOWN) {
			let n = e.originalEvent, r = n.key;
			if (this.condition_(e) && (r == nf.DOWN || r == nf.LEFT || r == nf.RIGHT || r == nf.UP)) {
				let i = e.map.getView(), a = i.getResolution() * this.pixelDelta_, o = 0, s = 0;
				r == nf.DOWN ? s = -a : r == nf.LEFT ? o = -a : r == nf.RIGHT ? o = a : s = a;
				let c = [o, s];
				ct(c, i.getRotation()), kd(i, c, this.duration_), n.preventDefault(), t = !0;
			}
		}
		return !t;
	}
}, af = class extends Od {
	constructor(e) {
		super(), e ||= {}, this.condition_ = e.condition ? e.condition : function(e) {
			return !Hd(e) && Wd(e);
		}, this.delta_ = e.delta ? e.delta : 1, this.duration_ = e.duration === void 0 ? 100 : e.duration;
	}
	handleEvent(e) {
		let t = !1;
		if (e.type == R.KEYDOWN || e.type == R.KEYPRESS) {
			let n = e.originalEvent, r = n.key;
			if (this.condition_(e) && (r === "+" || r === "-")) {
				let i = e.map, a = r === "+" ? this.delta_ : -this.delta_;
				Ad(i.getView(), a, void 0, this.duration_), n.preventDefault(), t = !0;
			}
		}
		return !t;
	}
}, of = 40, sf = 300, cf = class extends Od {
	constructor(e) {
		e ||= {}, super(e), this.totalDelta_ = 0, this.lastDelta_ = 0, this.maxDelta_ = e.maxDelta === void 0 ? 1 : e.maxDelta, this.duration_ = e.duration === void 0 ? 250 : e.duration, this.timeout_ = e.timeout === void 0 ? 80 : e.timeout, this.useAnchor_ = e.useAnchor === void 0 || e.useAnchor, this.constrainResolution_ = e.constrainResolution !== void 0 && e.constrainResolution;
		let t = e.condition ? e.condition : Ld;
		this.condition_ = e.onFocusOnly ? Md(Id, t) : t, this.lastAnchor_ = null, this.startTime_ = void 0, this.timeoutId_, this.mode_ = void 0, this.trackpadEventGap_ = 400, this.trackpadTimeoutId_, this.deltaPerZoom_ = 300;
	}
	endInteraction_() {
		this.trackpadTimeoutId_ = void 0;
		let e = this.getMap();
		e && e.getView().endInteraction(void 0, this.lastDelta_ ? this.lastDelta_ > 0 ? 1 : -1 : 0, this.lastAnchor_ ? e.getCoordinateFromPixel(this.lastAnchor_) : null);
	}
	handleEvent(e) {
		if (!this.condition_(e) || e.type !== R.WHEEL) return !0;
		let t = e.map, n = e.originalEvent;
		n.preventDefault(), this.useAnchor_ && (this.lastAnchor_ = e.pixel);
		let r = n.deltaY;
		switch (n.deltaMode) {
			case WheelEvent.DOM_DELTA_LINE:
				r *= of;
				break;
			case WheelEvent.DOM_DELTA_PAGE: r *= sf;
		}
		if (r === 0) return !1;
		this.lastDelta_ = r;
		let i = Date.now();
		this.startTime_ === void 0 && (this.startTime_ = i), (!this.mode_ || i - this.startTime_ > this.trackpadEventGap_) && (this.mode_ = Math.abs(r) < 4 ? "trackpad" : "wheel");
		let a = t.getView();
		if (this.mode_ === "trackpad" && !(a.getConstrainResolution() || this.constrainResolution_)) return this.trackpadTimeoutId_ ? clearTimeout(this.trackpadTimeoutId_) : (a.getAnimating() && a.cancelAnimations(), a.beginInteraction()), this.trackpadTimeoutId_ = setTimeout(this.endInteraction_.bind(this), this.timeout_), a.adjustZoom(-r / this.deltaPerZoom_, this.lastAnchor_ ? t.getCoordinateFromPixel(this.lastAnchor_) : null), this.startTime_ = i, !1;
		this.totalDelta_ += r;
		let o = Math.max(this.timeout_ - (i - this.startTime_), 0);
		return clearTimeout(this.timeoutId_), this.timeoutId_ = setTimeout(this.handleWheelZoom_.bind(this, t), o), !1;
	}
	handleWheelZoom_(e) {
		let t = e.getView();
		t.getAnimating() && t.cancelAnimations();
		let n = -qe(this.totalDelta_, -this.maxDelta_ * this.deltaPerZoom_, this.maxDelta_ * this.deltaPerZoom_) / this.deltaPerZoom_;
		(t.getConstrainResolution() || this.constrainResolution_) && (n = n ? n > 0 ? 1 : -1 : 0), Ad(t, n, this.lastAnchor_ ? e.getCoordinateFromPixel(this.lastAnchor_) : null, this.duration_), this.mode_ = void 0, this.totalDelta_ = 0, this.lastAnchor_ = null, this.startTime_ = void 0, this.timeoutId_ = void 0;
	}
	setMouseAnchor(e) {
		this.useAnchor_ = e, e || (this.lastAnchor_ = null);
	}
}, lf = class extends qd {
	constructor(e) {
		e ||= {};
		let t = e;
		t.stopDown ||= Dr, super(t), this.anchor_ = null, this.lastAngle_ = void 0, this.rotating_ = !1, this.rotationDelta_ = 0, this.threshold_ = e.threshold === void 0 ? .3 : e.threshold, this.duration_ = e.duration === void 0 ? 250 : e.duration;
	}
	handleDragEvent(e) {
		let t = 0, n = this.targetPointers[0], r = this.targetPointers[1], i = Math.atan2(r.clientY - n.clientY, r.clientX - n.clientX);
		if (this.lastAngle_ !== void 0) {
			let e = i - this.lastAngle_;
			this.rotationDelta_ += e, !this.rotating_ && Math.abs(this.rotationDelta_) > this.threshold_ && (this.rotating_ = !0), t = e;
		}
		this.lastAngle_ = i;
		let a = e.map, o = a.getView();
		o.getConstraints().rotation !== Vu && (this.anchor_ = a.getCoordinateFromPixelInternal(a.getEventPixel(Jd(this.targetPointers))), this.rotating_ && (a.render(), o.adjustRotationInternal(t, this.anchor_)));
	}
	handleUpEvent(e) {
		return this.targetPointers.length < 2 ? (e.map.getView().endInteraction(this.duration_), !1) : !0;
	}
	handleDownEvent(e) {
		if (this.targetPointers.length >= 2) {
			let t = e.map;
			return this.anchor_ = null, this.lastAngle_ = void 0, this.rotating_ = !1, this.rotationDelta_ = 0, this.handlingDownUpSequence || t.getView().beginInteraction(), !0;
		}
		return !1;
	}
}, uf = class extends qd {
	constructor(e) {
		e ||= {};
		let t = e;
		t.stopDown ||= Dr, super(t), this.anchor_ = null, this.duration_ = e.duration === void 0 ? 400 : e.duration, this.lastDistance_ = void 0, this.lastScaleDelta_ = 1;
	}
	handleDragEvent(e) {
		let t = 1, n = this.targetPointers[0], r = this.targetPointers[1], i = n.clientX - r.clientX, a = n.clientY - r.clientY, o = Math.sqrt(i * i + a * a);
		this.lastDistance_ !== void 0 && (t = this.lastDistance_ / o), this.lastDistance_ = o;
		let s = e.map, c = s.getView();
		t != 1 && (this.lastScaleDelta_ = t), this.anchor_ = s.getCoordinateFromPixelInternal(s.getEventPixel(Jd(this.targetPointers))), s.render(), c.adjustResolutionInternal(t, this.anchor_);
	}
	handleUpEvent(e) {
		if (this.targetPointers.length < 2) {
			let t = e.map.getView(), n = this.lastScaleDelta_ > 1 ? 1 : -1;
			return t.endInteraction(this.duration_, n), !1;
		}
		return !0;
	}
	handleDownEvent(e) {
		if (this.targetPointers.length >= 2) {
			let t = e.map;
			return this.anchor_ = null, this.lastDistance_ = void 0, this.lastScaleDelta_ = 1, this.handlingDownUpSequence || t.getView().beginInteraction(), !0;
		}
		return !1;
	}
};
function df(e) {
	e ||= {};
	let t = new fs(), n = new dd(-.005, .05, 100);
	return (e.altShiftDragRotate === void 0 || e.altShiftDragRotate) && t.push(new Xd()), (e.doubleClickZoom === void 0 || e.doubleClickZoom) && t.push(new jd({
		delta: e.zoomDelta,
		duration: e.zoomDuration
	})), (e.dragPan === void 0 || e.dragPan) && t.push(new Yd({
		onFocusOnly: e.onFocusOnly,
		kinetic: n
	})), (e.pinchRotate === void 0 || e.pinchRotate) && t.push(new lf()), (e.pinchZoom === void 0 || e.pinchZoom) && t.push(new uf({ duration: e.zoomDuration })), (e.keyboard === void 0 || e.keyboard) && (t.push(new rf()), t.push(new af({
		delta: e.zoomDelta,
		duration: e.zoomDuration
	}))), (e.mouseWheelZoom === void 0 || e.mouseWheelZoom) && t.push(new cf({
		onFocusOnly: e.onFocusOnly,
		duration: e.zoomDuration
	})), (e.shiftDragZoom === void 0 || e.shiftDragZoom) && t.push(new tf({ duration: e.zoomDuration })), t;
}
var ff = {
	ADDLAYER: "addlayer",
	REMOVELAYER: "removelayer"
}, pf = class extends jr {
	constructor(e, t) {
		super(e), this.layer = t;
	}
}, mf = { LAYERS: "layers" }, hf = class e extends td {
	constructor(e) {
		e ||= {};
		let t = Object.assign({}, e);
		delete t.layers;
		let n = e.layers;
		super(t), this.on, this.once, this.un, this.layersListenerKeys_ = [], this.listenerKeys_ = {}, this.addChangeListener(mf.LAYERS, this.handleLayersChanged_), n ? Array.isArray(n) ? n = new fs(n.slice(), { unique: !0 }) : V(typeof n.getArray == "function", "Expected `layers` to be an array or a `Collection`") : n = new fs(void 0, { unique: !0 }), this.setLayers(n);
	}
	handleLayerChange_() {
		this.changed();
	}
	handleLayersChanged_() {
		this.layersListenerKeys_.forEach(B), this.layersListenerKeys_.length = 0;
		let e = this.getLayers();
		this.layersListenerKeys_.push(z(e, ls.ADD, this.handleLayersAdd_, this), z(e, ls.REMOVE, this.handleLayersRemove_, this));
		for (let e in this.listenerKeys_) this.listenerKeys_[e].forEach(B);
		Pt(this.listenerKeys_);
		let t = e.getArray();
		for (let e = 0, n = t.length; e < n; e++) {
			let n = t[e];
			this.registerLayerListeners_(n), this.dispatchEvent(new pf(ff.ADDLAYER, n));
		}
		this.changed();
	}
	registerLayerListeners_(t) {
		let n = [z(t, gr.PROPERTYCHANGE, this.handleLayerChange_, this), z(t, R.CHANGE, this.handleLayerChange_, this)];
		t instanceof e && n.push(z(t, ff.ADDLAYER, this.handleLayerGroupAdd_, this), z(t, ff.REMOVELAYER, this.handleLayerGroupRemove_, this)), this.listenerKeys_[L(t)] = n;
	}
	handleLayerGroupAdd_(e) {
		this.dispatchEvent(new pf(ff.ADDLAYER, e.layer));
	}
	handleLayerGroupRemove_(e) {
		this.dispatchEvent(new pf(ff.REMOVELAYER, e.layer));
	}
	handleLayersAdd_(e) {
		let t = e.element;
		this.registerLayerListeners_(t), this.dispatchEvent(new pf(ff.ADDLAYER, t)), this.changed();
	}
	handleLayersRemove_(e) {
		let t = e.element, n = L(t);
		this.listenerKeys_[n].forEach(B), delete this.listenerKeys_[n], this.dispatchEvent(new pf(ff.REMOVELAYER, t)), this.changed();
	}
	getLayers() {
		return this.get(mf.LAYERS);
	}
	setLayers(e) {
		let t = this.getLayers();
		if (t) {
			let e = t.getArray();
			for (let t = 0, n = e.length; t < n; ++t) this.dispatchEvent(new pf(ff.REMOVELAYER, e[t]));
		}
		this.set(mf.LAYERS, e);
	}
	getLayersArray(e) {
		return e = e === void 0 ? [] : e, this.getLayers().forEach(function(t) {
			t.getLayersArray(e);
		}), e;
	}
	getLayerStatesArray(e) {
		let t = e === void 0 ? [] : e, n = t.length;
		this.getLayers().forEach(function(e) {
			e.getLayerStatesArray(t);
		});
		let r = this.getLayerState(), i = r.zIndex;
		!e && r.zIndex === void 0 && (i = 0);
		for (let e = n, a = t.length; e < a; e++) {
			let n = t[e];
			n.opacity *= r.opacity, n.visible = n.visible && r.visible, n.maxResolution = Math.min(n.maxResolution, r.maxResolution), n.minResolution = Math.max(n.minResolution, r.minResolution), n.minZoom = Math.max(n.minZoom, r.minZoom), n.maxZoom = Math.min(n.maxZoom, r.maxZoom), r.extent !== void 0 && (n.extent = n.extent === void 0 ? r.extent : Re(n.extent, r.extent)), n.zIndex === void 0 && (n.zIndex = i);
		}
		return t;
	}
	getSourceState() {
		return "ready";
	}
}, gf = class extends _r {
	constructor(e) {
		super(), this.map_ = e;
	}
	dispatchRenderEvent(e, t) {
		I();
	}
	calculateMatrices2D(e) {
		let t = e.viewState, n = e.coordinateToPixelTransform, r = e.pixelToCoordinateTransform;
		Gr(n, e.size[0] / 2, e.size[1] / 2, 1 / t.resolution, -1 / t.resolution, -t.rotation, -t.center[0], -t.center[1]), Kr(r, n);
	}
	forEachFeatureAtCoordinate(e, t, n, r, i, a, o, s) {
		let c, l = t.viewState;
		function u(e, t, n, r) {
			return i.call(a, t, e ? n : null, r);
		}
		let d = l.projection, f = pt(e.slice(), d), p = [[0, 0]];
		if (d.canWrapX() && r) {
			let e = F(d.getExtent());
			p.push([-e, 0], [e, 0]);
		}
		let m = t.layerStatesArray, h = m.length, g = [], _ = [];
		for (let r = 0; r < p.length; r++) for (let i = h - 1; i >= 0; --i) {
			let a = m[i], d = a.layer;
			if (d.hasRenderer() && rd(a, l) && o.call(s, d)) {
				let i = d.getRenderer(), o = d.getSource();
				if (i && o) {
					let s = o.getWrapX() ? f : e, l = u.bind(null, a.managed);
					_[0] = s[0] + p[r][0], _[1] = s[1] + p[r][1], c = i.forEachFeatureAtCoordinate(_, t, n, l, g);
				}
				if (c) return c;
			}
		}
		if (g.length === 0) return;
		let v = 1 / g.length;
		return g.forEach((e, t) => e.distanceSq += t * v), g.sort((e, t) => e.distanceSq - t.distanceSq), g.some((e) => c = e.callback(e.feature, e.layer, e.geometry)), c;
	}
	hasFeatureAtCoordinate(e, t, n, r, i, a) {
		return this.forEachFeatureAtCoordinate(e, t, n, r, Er, this, i, a) !== void 0;
	}
	getMap() {
		return this.map_;
	}
	renderFrame(e) {
		I();
	}
	scheduleExpireIconCache(e) {
		io.canExpireCache() && e.postRenderFunctions.push(_f);
	}
};
function _f(e, t) {
	io.expire();
}
var vf = class extends gf {
	constructor(e) {
		super(e), this.fontChangeListenerKey_ = z(ko, gr.PROPERTYCHANGE, e.redrawText, e), this.element_ = _a ? Da() : document.createElement("div");
		let t = this.element_.style;
		t.position = "absolute", t.width = "100%", t.height = "100%", t.zIndex = "0", this.element_.className = "ol-unselectable ol-layers";
		let n = e.getViewport();
		n && n.insertBefore(this.element_, n.firstChild || null), this.children_ = [], this.renderedVisible_ = !0;
	}
	dispatchRenderEvent(e, t) {
		let n = this.getMap();
		if (n.hasListener(e)) {
			let r = new Kc(e, void 0, t);
			n.dispatchEvent(r);
		}
	}
	disposeInternal() {
		B(this.fontChangeListenerKey_), this.element_.remove(), super.disposeInternal();
	}
	renderFrame(e) {
		if (!e) {
			this.renderedVisible_ &&= (this.element_.style.display = "none", !1);
			return;
		}
		this.calculateMatrices2D(e), this.dispatchRenderEvent(hs.PRECOMPOSE, e);
		let t = e.layerStatesArray.sort((e, t) => e.zIndex - t.zIndex);
		t.some((e) => e.layer instanceof ad && e.layer.getDeclutter()) && (e.declutter = {});
		let n = e.viewState;
		this.children_.length = 0;
		let r = [], i = null;
		for (let a = 0, o = t.length; a < o; ++a) {
			let o = t[a];
			e.layerIndex = a;
			let s = o.layer, c = s.getSourceState();
			if (!rd(o, n) || c != "ready" && c != "undefined") {
				s.unrender();
				continue;
			}
			let l = s.render(e, i);
			l && (l !== i && (this.children_.push(l), i = l), r.push(o));
		}
		this.declutter(e, r), Ea(this.element_, this.children_);
		let a = this.getMap().getTargetElement();
		if (Oa(a)) {
			let e = a.getContext("2d");
			for (let t of this.children_) {
				let n = t.firstElementChild || t, r = t.style.backgroundColor;
				if (r && (!Oa(n) || n.width > 0) && (e.fillStyle = r, e.fillRect(0, 0, a.width, a.height)), Oa(n) && n.width > 0) {
					let r = t.style.opacity || n.style.opacity;
					e.globalAlpha = r === "" ? 1 : Number(r);
					let i = n.style.transform;
					if (i) e.setTransform(...Xr(i));
					else {
						let t = parseFloat(n.style.width) / n.width, r = parseFloat(n.style.height) / n.height;
						e.setTransform(t, 0, 0, r, 0, 0);
					}
					e.drawImage(n, 0, 0);
				}
			}
			e.globalAlpha = 1, e.setTransform(1, 0, 0, 1, 0, 0);
		}
		this.dispatchRenderEvent(hs.POSTCOMPOSE, e), this.renderedVisible_ ||= (this.element_.style.display = "", !0), this.scheduleExpireIconCache(e);
	}
	declutter(e, t) {
		if (e.declutter) {
			for (let n = t.length - 1; n >= 0; --n) {
				let r = t[n], i = r.layer;
				i.getDeclutter() && i.renderDeclutter(e, r);
			}
			t.forEach((t) => t.layer.renderDeferred(e));
		}
	}
};
function yf(e) {
	e instanceof nd ? e.setMapInternal(null) : e instanceof hf && e.getLayers().forEach(yf);
}
function bf(e, t) {
	if (e instanceof nd) e.setMapInternal(t);
	else if (e instanceof hf) {
		let n = e.getLayers().getArray();
		for (let e = 0, r = n.length; e < r; ++e) bf(n[e], t);
	}
}
var xf = class extends Lr {
	constructor(e) {
		super(), e ||= {}, this.on, this.once, this.un;
		let t = Sf(e);
		this.renderComplete_ = !1, this.loaded_ = !0, this.boundHandleBrowserEvent_ = this.handleBrowserEvent.bind(this), this.maxTilesLoading_ = e.maxTilesLoading === void 0 ? 16 : e.maxTilesLoading, this.pixelRatio_ = e.pixelRatio === void 0 ? ga : e.pixelRatio, this.postRenderTimeoutHandle_, this.animationDelayKey_, this.animationDelay_ = this.animationDelay_.bind(this), this.coordinateToPixelTransform_ = zr(), this.pixelToCoordinateTransform_ = zr(), this.frameIndex_ = 0, this.frameState_ = null, this.previousExtent_ = null, this.viewPropertyListenerKey_ = null, this.viewChangeListenerKey_ = null, this.layerGroupPropertyListenerKeys_ = null, _a || (this.viewport_ = document.createElement("div"), this.viewport_.className = "ol-viewport" + ("ontouchstart" in window ? " ol-touch" : ""), this.viewport_.style.position = "relative", this.viewport_.style.overflow = "hidden", this.viewport_.style.width = "100%", this.viewport_.style.height = "100%", this.overlayContainer_ = document.createElement("div"), this.overlayContainer_.style.position = "absolute", this.overlayContainer_.style.zIndex = "0", this.overlayContainer_.style.width = "100%", this.overlayContainer_.style.height = "100%", this.overlayContainer_.style.pointerEvents = "none", this.overlayContainer_.className = "ol-overlaycontainer", this.viewport_.appendChild(this.overlayContainer_), this.overlayContainerStopEvent_ = document.createElement("div"), this.overlayContainerStopEvent_.style.position = "absolute", this.overlayContainerStopEvent_.style.zIndex = "0", this.overlayContainerStopEvent_.style.width = "100%", this.overlayContainerStopEvent_.style.height = "100%", this.overlayContainerStopEvent_.style.pointerEvents = "none", this.overlayContainerStopEvent_.className = "ol-overlaycontainer-stopevent", this.viewport_.appendChild(this.overlayContainerStopEvent_)), this.mapBrowserEventHandler_ = null, this.moveTolerance_ = e.moveTolerance, this.keyboardEventTarget_ = t.keyboardEventTarget, this.targetChangeHandlerKeys_ = null, this.targetElement_ = null, _a || (this.resizeObserver_ = new ResizeObserver(() => this.updateSize())), this.controls = t.controls || (_a ? new fs() : Ed()), this.interactions = t.interactions || (_a ? new fs() : df({ onFocusOnly: !0 })), this.overlays_ = t.overlays, this.overlayIdIndex_ = {}, this.renderer_ = null, this.postRenderFunctions_ = [], this.tileQueue_ = new bd(this.getTilePriority.bind(this), this.handleTileChange_.bind(this)), this.addChangeListener(_d.LAYERGROUP, this.handleLayerGroupChanged_), this.addChangeListener(_d.VIEW, this.handleViewChanged_), this.addChangeListener(_d.SIZE, this.handleSizeChanged_), this.addChangeListener(_d.TARGET, this.handleTargetChanged_), this.setProperties(t.values);
		let n = this;
		e.view && !(e.view instanceof Ju) && e.view.then(function(e) {
			n.setView(new Ju(e));
		}), this.controls.addEventListener(ls.ADD, (e) => {
			e.element.setMap(this);
		}), this.controls.addEventListener(ls.REMOVE, (e) => {
			e.element.setMap(null);
		}), this.interactions.addEventListener(ls.ADD, (e) => {
			e.element.setMap(this);
		}), this.interactions.addEventListener(ls.REMOVE, (e) => {
			e.element.setMap(null);
		}), this.overlays_.addEventListener(ls.ADD, (e) => {
			this.addOverlayInternal_(e.element);
		}), this.overlays_.addEventListener(ls.REMOVE, (e) => {
			let t = e.element.getId();
			t !== void 0 && delete this.overlayIdIndex_[t.toString()], e.element.setMap(null);
		}), this.controls.forEach((e) => {
			e.setMap(this);
		}), this.interactions.forEach((e) => {
			e.setMap(this);
		}), this.overlays_.forEach(this.addOverlayInternal_.bind(this));
	}
	addControl(e) {
		this.getControls().push(e);
	}
	addInteraction(e) {
		this.getInteractions().push(e);
	}
	addLayer(e) {
		this.getLayerGroup().getLayers().push(e);
	}
	handleLayerAdd_(e) {
		bf(e.layer, this);
	}
	addOverlay(e) {
		this.getOverlays().push(e);
	}
	addOverlayInternal_(e) {
		let t = e.getId();
		t !== void 0 && (this.overlayIdIndex_[t.toString()] = e), e.setMap(this);
	}
	disposeInternal() {
		this.controls.clear(), this.interactions.clear(), this.overlays_.clear(), this.resizeObserver_?.disconnect(), this.setTarget(null), super.disposeInternal();
	}
	forEachFeatureAtPixel(e, t, n) {
		if (!this.frameState_ || !this.renderer_) return;
		let r = this.getCoordinateFromPixelInternal(e);
		n = n === void 0 ? {} : n;
		let i = n.hitTolerance === void 0 ? 0 : n.hitTolerance, a = n.layerFilter === void 0 ? Er : n.layerFilter, o = n.checkWrapped !== !1;
		return this.renderer_.forEachFeatureAtCoordinate(r, this.frameState_, i, o, t, null, a, null);
	}
	getFeaturesAtPixel(e, t) {
		let n = [];
		return this.forEachFeatureAtPixel(e, function(e) {
			n.push(e);
		}, t), n;
	}
	getAllLayers() {
		let e = [];
		function t(n) {
			n.forEach(function(n) {
				n instanceof hf ? t(n.getLayers()) : e.push(n);
			});
		}
		return t(this.getLayers()), e;
	}
	hasFeatureAtPixel(e, t) {
		if (!this.frameState_ || !this.renderer_) return !1;
		let n = this.getCoordinateFromPixelInternal(e);
		t = t === void 0 ? {} : t;
		let r = t.layerFilter === void 0 ? Er : t.layerFilter, i = t.hitTolerance === void 0 ? 0 : t.hitTolerance, a = t.checkWrapped !== !1;
		return this.renderer_.hasFeatureAtCoordinate(n, this.frameState_, i, a, r, null);
	}
	getEventCoordinate(e) {
		return this.getCoordinateFromPixel(this.getEventPixel(e));
	}
	getEventCoordinateInternal(e) {
		return this.getCoordinateFromPixelInternal(this.getEventPixel(e));
	}
	getEventPixel(e) {
		let t = this.viewport_.getBoundingClientRect(), n = this.getSize(), r = t.width / n[0], i = t.height / n[1], a = "changedTouches" in e ? e.changedTouches[0] : e;
		return [(a.clientX - t.left) / r, (a.clientY - t.top) / i];
	}
	getTarget() {
		return this.get(_d.TARGET);
	}
	getTargetElement() {
		return this.targetElement_;
	}
	getCoordinateFromPixel(e) {
		return Bn(this.getCoordinateFromPixelInternal(e), this.getView().getProjection());
	}
	getCoordinateFromPixelInternal(e) {
		let t = this.frameState_;
		return t ? Ur(t.pixelToCoordinateTransform, e.slice()) : null;
	}
	getControls() {
		return this.controls;
	}
	getOverlays() {
		return this.overlays_;
	}
	getOverlayById(e) {
		let t = this.overlayIdIndex_[e.toString()];
		return t === void 0 ? null : t;
	}
	getInteractions() {
		return this.interactions;
	}
	getLayerGroup() {
		return this.get(_d.LAYERGROUP);
	}
	setLayers(e) {
		let t = this.getLayerGroup();
		if (e instanceof fs) {
			t.setLayers(e);
			return;
		}
		let n = t.getLayers();
		n.clear(), n.extend(e);
	}
	getLayers() {
		return this.getLayerGroup().getLayers();
	}
	getLoadingOrNotReady() {
		let e = this.getLayerGroup().getLayerStatesArray();
		for (let t = 0, n = e.length; t < n; ++t) {
			let n = e[t];
			if (!n.visible) continue;
			let r = n.layer.getRenderer();
			if (r && !r.ready) return !0;
			let i = n.layer.getSource();
			if (i && i.loading) return !0;
		}
		return !1;
	}
	getPixelFromCoordinate(e) {
		let t = Vn(e, this.getView().getProjection());
		return this.getPixelFromCoordinateInternal(t);
	}
	getPixelFromCoordinateInternal(e) {
		let t = this.frameState_;
		return t ? Ur(t.coordinateToPixelTransform, e.slice(0, 2)) : null;
	}
	getRenderer() {
		return this.renderer_;
	}
	getSize() {
		return this.get(_d.SIZE);
	}
	getView() {
		return this.get(_d.VIEW);
	}
	getViewport() {
		return this.viewport_;
	}
	getOverlayContainer() {
		return this.overlayContainer_;
	}
	getOverlayContainerStopEvent() {
		return this.overlayContainerStopEvent_;
	}
	getOwnerDocument() {
		let e = this.getTargetElement();
		return e ? e.ownerDocument : document;
	}
	getTilePriority(e, t, n, r) {
		return xd(this.frameState_, e, t, n, r);
	}
	handleBrowserEvent(e, t) {
		t ||= e.type;
		let n = new pd(t, this, e);
		this.handleMapBrowserEvent(n);
	}
	handleMapBrowserEvent(e) {
		if (!this.frameState_) return;
		let t = e.originalEvent, n = t.type;
		if (n === md.POINTERDOWN || n === R.WHEEL || n === R.KEYDOWN) {
			let e = this.getOwnerDocument(), n = this.viewport_.getRootNode ? this.viewport_.getRootNode() : e, r = t.target, i = n instanceof ShadowRoot ? n.host === r ? n.host.ownerDocument : n : n === e ? e.documentElement : n;
			if (this.overlayContainerStopEvent_.contains(r) || !i.contains(r)) return;
		}
		if (e.frameState = this.frameState_, this.dispatchEvent(e) !== !1) {
			let t = this.getInteractions().getArray().slice();
			for (let n = t.length - 1; n >= 0; n--) {
				let r = t[n];
				if (r.getMap() === this && r.getActive() && this.getTargetElement() && (!r.handleEvent(e) || e.propagationStopped)) break;
			}
		}
	}
	handlePostRender() {
		let e = this.frameState_, t = this.tileQueue_;
		if (!t.isEmpty()) {
			let n = this.maxTilesLoading_, r = n;
			if (e) {
				let t = e.viewHints;
				if (t[uc.ANIMATING] || t[uc.INTERACTING]) {
					let t = Date.now() - e.time > 8;
					n = t ? 0 : 8, r = t ? 0 : 2;
				}
			}
			t.getTilesLoading() < n && (t.reprioritize(), t.loadMoreTiles(n, r));
		}
		e && this.renderer_ && !e.animate && (this.renderComplete_ ? (this.hasListener(hs.RENDERCOMPLETE) && this.renderer_.dispatchRenderEvent(hs.RENDERCOMPLETE, e), this.loaded_ === !1 && (this.loaded_ = !0, this.dispatchEvent(new fd(gd.LOADEND, this, e)))) : this.loaded_ === !0 && (this.loaded_ = !1, this.dispatchEvent(new fd(gd.LOADSTART, this, e))));
		let n = this.postRenderFunctions_;
		if (e) for (let t = 0, r = n.length; t < r; ++t) n[t](this, e);
		n.length = 0;
	}
	handleSizeChanged_() {
		this.getView() && !this.getView().getAnimating() && this.getView().resolveConstraints(0), this.render();
	}
	handleTargetChanged_() {
		if (this.mapBrowserEventHandler_) {
			for (let e = 0, t = this.targetChangeHandlerKeys_.length; e < t; ++e) B(this.targetChangeHandlerKeys_[e]);
			this.targetChangeHandlerKeys_ = null, this.viewport_.removeEventListener(R.CONTEXTMENU, this.boundHandleBrowserEvent_), this.viewport_.removeEventListener(R.WHEEL, this.boundHandleBrowserEvent_), this.mapBrowserEventHandler_.dispose(), this.mapBrowserEventHandler_ = null, this.viewport_.remove();
		}
		if (this.targetElement_ && !Oa(this.targetElement_)) {
			this.resizeObserver_?.unobserve(this.targetElement_);
			let e = this.targetElement_.getRootNode();
			e instanceof ShadowRoot && this.resizeObserver_.unobserve(e.host), this.setSize(void 0);
		}
		let e = this.getTarget(), t = typeof e == "string" ? document.getElementById(e) : e;
		if (this.targetElement_ = t, !t) this.renderer_ &&= (clearTimeout(this.postRenderTimeoutHandle_), this.postRenderTimeoutHandle_ = void 0, this.postRenderFunctions_.length = 0, this.renderer_.dispose(), null), this.animationDelayKey_ &&= (cancelAnimationFrame(this.animationDelayKey_), void 0);
		else {
			if (Oa(t) || t.appendChild(this.viewport_), this.renderer_ ||= new vf(this), !Oa(t)) {
				this.mapBrowserEventHandler_ = new hd(this, this.moveTolerance_);
				for (let e in Z) this.mapBrowserEventHandler_.addEventListener(Z[e], this.handleMapBrowserEvent.bind(this));
				this.viewport_.addEventListener(R.CONTEXTMENU, this.boundHandleBrowserEvent_, !1), this.viewport_.addEventListener(R.WHEEL, this.boundHandleBrowserEvent_, ya ? { passive: !1 } : !1);
				let e;
				if (this.keyboardEventTarget_) e = this.keyboardEventTarget_;
				else {
					let n = t.getRootNode();
					e = n instanceof ShadowRoot ? n.host : t;
				}
				if (this.targetChangeHandlerKeys_ = [z(e, R.KEYDOWN, this.handleBrowserEvent, this), z(e, R.KEYPRESS, this.handleBrowserEvent, this)], t instanceof HTMLElement) {
					let e = t.getRootNode();
					e instanceof ShadowRoot && this.resizeObserver_.observe(e.host), this.resizeObserver_?.observe(t);
				}
			}
			this.updateSize();
		}
	}
	handleTileChange_() {
		this.render();
	}
	handleViewPropertyChanged_() {
		this.render();
	}
	handleViewChanged_() {
		this.viewPropertyListenerKey_ &&= (B(this.viewPropertyListenerKey_), null), this.viewChangeListenerKey_ &&= (B(this.viewChangeListenerKey_), null);
		let e = this.getView();
		e && (this.updateViewportSize_(this.getSize()), this.viewPropertyListenerKey_ = z(e, gr.PROPERTYCHANGE, this.handleViewPropertyChanged_, this), this.viewChangeListenerKey_ = z(e, R.CHANGE, this.handleViewPropertyChanged_, this), e.resolveConstraints(0)), this.render();
	}
	handleLayerGroupChanged_() {
		this.layerGroupPropertyListenerKeys_ &&= (this.layerGroupPropertyListenerKeys_.forEach(B), null);
		let e = this.getLayerGroup();
		e && (this.handleLayerAdd_(new pf("addlayer", e)), this.layerGroupPropertyListenerKeys_ = [
			z(e, gr.PROPERTYCHANGE, this.render, this),
			z(e, R.CHANGE, this.render, this),
			z(e, "addlayer", this.handleLayerAdd_, this),
			z(e, "removelayer", this.handleLayerRemove_, this)
		]), this.render();
	}
	isRendered() {
		return !!this.frameState_;
	}
	animationDelay_() {
		this.animationDelayKey_ = void 0, this.renderFrame_(Date.now());
	}
	renderSync() {
		this.animationDelayKey_ && cancelAnimationFrame(this.animationDelayKey_), this.animationDelay_();
	}
	redrawText() {
		if (!this.frameState_) return;
		let e = this.frameState_.layerStatesArray;
		for (let t = 0, n = e.length; t < n; ++t) {
			let n = e[t].layer;
			n.hasRenderer() && n.getRenderer().handleFontsChanged();
		}
	}
	render() {
		this.renderer_ && this.animationDelayKey_ === void 0 && (this.animationDelayKey_ = requestAnimationFrame(this.animationDelay_));
	}
	removeControl(e) {
		return this.getControls().remove(e);
	}
	removeInteraction(e) {
		return this.getInteractions().remove(e);
	}
	removeLayer(e) {
		return this.getLayerGroup().getLayers().remove(e);
	}
	handleLayerRemove_(e) {
		yf(e.layer);
	}
	removeOverlay(e) {
		return this.getOverlays().remove(e);
	}
	renderFrame_(e) {
		let t = this.getSize(), n = this.getView(), r = this.frameState_, i = null;
		if (t !== void 0 && Uo(t) && n && n.isDef()) {
			let r = n.getHints(this.frameState_ ? this.frameState_.viewHints : void 0), a = n.getState();
			if (i = {
				animate: !1,
				coordinateToPixelTransform: this.coordinateToPixelTransform_,
				declutter: null,
				extent: Fe(a.center, a.resolution, a.rotation, t),
				index: this.frameIndex_++,
				layerIndex: 0,
				layerStatesArray: this.getLayerGroup().getLayerStatesArray(),
				pixelRatio: this.pixelRatio_,
				pixelToCoordinateTransform: this.pixelToCoordinateTransform_,
				postRenderFunctions: [],
				size: t,
				tileQueue: this.tileQueue_,
				time: e,
				usedTiles: {},
				viewState: a,
				viewHints: r,
				wantedTiles: {},
				mapId: L(this),
				renderTargets: {}
			}, a.nextCenter && a.nextResolution) {
				let e = isNaN(a.nextRotation) ? a.rotation : a.nextRotation;
				i.nextExtent = Fe(a.nextCenter, a.nextResolution, e, t);
			}
		}
		this.frameState_ = i, this.renderer_.renderFrame(i), i && (i.animate && this.render(), Array.prototype.push.apply(this.postRenderFunctions_, i.postRenderFunctions), r && (!this.previousExtent_ || !He(this.previousExtent_) && !we(i.extent, this.previousExtent_)) && (this.dispatchEvent(new fd(gd.MOVESTART, this, r)), this.previousExtent_ = xe(this.previousExtent_)), this.previousExtent_ && !i.viewHints[uc.ANIMATING] && !i.viewHints[uc.INTERACTING] && !we(i.extent, this.previousExtent_) && (this.dispatchEvent(new fd(gd.MOVEEND, this, i)), pe(i.extent, this.previousExtent_))), this.dispatchEvent(new fd(gd.POSTRENDER, this, i)), this.renderComplete_ = (this.hasListener(gd.LOADSTART) || this.hasListener(gd.LOADEND) || this.hasListener(hs.RENDERCOMPLETE)) && !this.tileQueue_.getTilesLoading() && !this.tileQueue_.getCount() && !this.getLoadingOrNotReady(), this.postRenderTimeoutHandle_ ||= setTimeout(() => {
			this.postRenderTimeoutHandle_ = void 0, this.handlePostRender();
		}, 0);
	}
	setLayerGroup(e) {
		let t = this.getLayerGroup();
		t && this.handleLayerRemove_(new pf("removelayer", t)), this.set(_d.LAYERGROUP, e);
	}
	setSize(e) {
		this.set(_d.SIZE, e);
	}
	setTarget(e) {
		this.set(_d.TARGET, e);
	}
	setView(e) {
		if (!e || e instanceof Ju) {
			this.set(_d.VIEW, e);
			return;
		}
		this.set(_d.VIEW, new Ju());
		let t = this;
		e.then(function(e) {
			t.setView(new Ju(e));
		});
	}
	updateSize() {
		let e = this.getTargetElement(), t;
		if (e) {
			let n, r;
			if (Oa(e)) n = e.width, r = e.height;
			else {
				let t = getComputedStyle(e);
				n = e.offsetWidth - parseFloat(t.borderLeftWidth) - parseFloat(t.paddingLeft) - parseFloat(t.paddingRight) - parseFloat(t.borderRightWidth), r = e.offsetHeight - parseFloat(t.borderTopWidth) - parseFloat(t.paddingTop) - parseFloat(t.paddingBottom) - parseFloat(t.borderBottomWidth);
			}
			!isNaN(n) && !isNaN(r) && (t = [Math.max(0, n), Math.max(0, r)], !Uo(t) && (e.offsetWidth || e.offsetHeight || e.getClientRects().length) && ue("No map visible because the map container's width or height are 0."));
		}
		let n = this.getSize();
		!t || n && wr(t, n) || (this.setSize(t), this.updateViewportSize_(t));
	}
	updateViewportSize_(e) {
		let t = this.getView();
		t && t.setViewportSize(e);
	}
};
function Sf(e) {
	let t = null;
	e.keyboardEventTarget !== void 0 && (t = typeof e.keyboardEventTarget == "string" ? document.getElementById(e.keyboardEventTarget) : e.keyboardEventTarget);
	let n = {}, r = e.layers && typeof e.layers.getLayers == "function" ? e.layers : new hf({ layers: e.layers });
	n[_d.LAYERGROUP] = r, n[_d.TARGET] = e.target, n[_d.VIEW] = e.view instanceof Ju ? e.view : new Ju();
	let i;
	e.controls !== void 0 && (Array.isArray(e.controls) ? i = new fs(e.controls.slice()) : (V(typeof e.controls.getArray == "function", "Expected `controls` to be an array or an `ol/Collection.js`"), i = e.controls));
	let a;
	e.interactions !== void 0 && (Array.isArray(e.interactions) ? a = new fs(e.interactions.slice()) : (V(typeof e.interactions.getArray == "function", "Expected `interactions` to be an array or an `ol/Collection.js`"), a = e.interactions));
	let o;
	return e.overlays === void 0 ? o = new fs() : Array.isArray(e.overlays) ? o = new fs(e.overlays.slice()) : (V(typeof e.overlays.getArray == "function", "Expected `overlays` to be an array or an `ol/Collection.js`"), o = e.overlays), {
		controls: i,
		interactions: a,
		keyboardEventTarget: t,
		overlays: o,
		values: n
	};
}
var Cf = class {
	constructor(e, t, n, r) {
		this.minX = e, this.maxX = t, this.minY = n, this.maxY = r;
	}
	contains(e) {
		return this.containsXY(e[1], e[2]);
	}
	containsTileRange(e) {
		return this.minX <= e.minX && e.maxX <= this.maxX && this.minY <= e.minY && e.maxY <= this.maxY;
	}
	containsXY(e, t) {
		return this.minX <= e && e <= this.maxX && this.minY <= t && t <= this.maxY;
	}
	equals(e) {
		return this.minX == e.minX && this.minY == e.minY && this.maxX == e.maxX && this.maxY == e.maxY;
	}
	extend(e) {
		e.minX < this.minX && (this.minX = e.minX), e.maxX > this.maxX && (this.maxX = e.maxX), e.minY < this.minY && (this.minY = e.minY), e.maxY > this.maxY && (this.maxY = e.maxY);
	}
	getHeight() {
		return this.maxY - this.minY + 1;
	}
	getSize() {
		return [this.getWidth(), this.getHeight()];
	}
	getWidth() {
		return this.maxX - this.minX + 1;
	}
	intersects(e) {
		return this.minX <= e.maxX && this.maxX >= e.minX && this.minY <= e.maxY && this.maxY >= e.minY;
	}
};
function wf(e, t, n, r, i) {
	return i === void 0 ? new Cf(e, t, n, r) : (i.minX = e, i.maxX = t, i.minY = n, i.maxY = r, i);
}
var Tf = "#3488AF", Ef = "#82C3E0", Df = "#FFFFFF", Of = "rgba(233, 248, 255, 0.8)", kf = "#3E9FCC", Af = 4, jf = "#FFFFFF", Mf = {
	"icon-src": ss,
	"icon-width": 40,
	"icon-height": 40,
	"icon-anchor": [.5, .95],
	"icon-anchor-x-units": "fraction",
	"icon-anchor-y-units": "fraction"
}, Nf = {
	...Mf,
	"icon-src": cs
}, Pf = {
	"stroke-width": Af,
	"stroke-color": kf,
	"fill-color": Of
}, Ff = {
	...Mf,
	"icon-width": 50,
	"icon-height": 50
}, If = {
	...Ff,
	"icon-src": cs
}, Lf = { "stroke-width": 6 }, Rf = "rgba(148, 224, 237, 0.7)", zf = {
	"circle-radius": 30,
	"circle-fill-color": Rf,
	"circle-displacement": [0, 22]
}, Bf = 20, Vf = {
	"stroke-width": Bf,
	"stroke-color": Rf,
	"fill-color": "transparent"
}, Hf = {
	"stroke-width": Bf,
	"stroke-color": "rgba(34, 197, 94, 0.6)",
	"fill-color": "transparent"
}, Uf = {
	"stroke-width": Bf,
	"stroke-color": "rgba( 255, 255, 255, 0.1)"
}, Wf = "#6393F2", Gf = "rgba(99, 147, 242, 0.3)", Kf = "rgba(99, 147, 242, 0.1)", qf = (e, t, n = 8, r = 2) => new Jo({
	radius: n,
	fill: new Yo({ color: e }),
	stroke: new Qo({
		color: t,
		width: r
	})
}), Jf = (e, t) => [
	"all",
	[
		"in",
		["geometry-type"],
		["literal", e]
	],
	...t
];
function Yf(e, t, n) {
	let r = [[
		"!=",
		["get", e],
		["var", t]
	], [
		"!=",
		["get", e],
		["var", n]
	]];
	return [
		{
			filter: Jf(["Point"], r),
			style: Mf
		},
		{
			filter: Jf(["LineString", "Polygon"], r),
			style: Pf
		},
		{
			filter: Jf(["LineString"], r),
			style: Uf
		}
	];
}
function Xf(e, t, n) {
	let r = [[
		"==",
		["get", e],
		["var", t]
	], [
		"!=",
		["get", e],
		["var", n]
	]];
	return [{
		filter: Jf(["Point"], r),
		style: [
			zf,
			Mf,
			Ff
		]
	}, {
		filter: Jf(["LineString", "Polygon"], r),
		style: [
			Vf,
			Pf,
			Lf
		]
	}];
}
function Zf(e, t) {
	let n = [
		"==",
		["get", e],
		["var", t]
	];
	return [{
		filter: Jf(["Point"], [n]),
		style: [
			Nf,
			Mf,
			If
		]
	}, {
		filter: Jf(["LineString", "Polygon"], [n]),
		style: [
			Hf,
			Pf,
			Lf
		]
	}];
}
var Qf = (e) => new $o({
	stroke: new Qo({
		color: e,
		width: Af
	}),
	fill: new Yo({ color: Of })
}), $f = (e, t) => new $o({
	image: qf(Df, e),
	geometry: () => t.length > 1 ? new Qi(t.slice(0, -1)) : void 0
}), ep = (e, t) => new $o({
	image: qf(Tf, jf),
	geometry: () => {
		if (e === void 0) return;
		let n = t[e];
		if (n?.length) return new Zi(n);
	}
}), tp = (e, t) => new $o({
	image: qf(Df, Tf),
	geometry: () => {
		let n = t[0];
		if (t.length === 1 && n) return new Zi(n);
		let r = t.length === 2 ? t[1] : t[t.length - e];
		if (r) return new Zi(r);
	}
});
function np(e, t) {
	return (n) => {
		let r = n?.getGeometry(), i = wp(r);
		if (!i.length) return [];
		let a = !!n.get(e), o = a ? n.get(t) : void 0, s = a && o === void 0 ? Tf : Ef, c = r instanceof Yi ? 1 : 2;
		return [
			Qf(s),
			$f(s, i),
			tp(c, i),
			ep(o, i)
		];
	};
}
function rp() {
	let e = qf(Tf, Tf, 4);
	return ("ontouchstart" in window || navigator.maxTouchPoints > 0) && e.setOpacity(0), new $o({ image: e });
}
var ip = 13, ap = new $o({
	image: new Jo({
		radius: ip,
		fill: new Yo({ color: Wf }),
		stroke: new Qo({
			color: jf,
			width: Af
		})
	}),
	zIndex: 2
}), op = new Yo({ color: Gf }), sp = new Qo({
	color: Kf,
	width: 1
}), cp = 5;
function lp(e) {
	let t = [ap], n = e.getView().getProjection(), r = 0, i = t;
	return (a, o) => {
		let s = a.get("accuracy"), c = a.getGeometry(), l = 0;
		if (s && c) {
			let e = On(n, o, c.getCoordinates(), "m");
			e > 0 && (l = s / e);
		}
		if (Math.abs(l - r) < cp) return i;
		r = l;
		let u = e.getSize()?.[0] ?? 0;
		return l < ip || l * 2 > u ? (i = t, i) : (i = [new $o({
			image: new Jo({
				radius: l,
				fill: op,
				stroke: sp
			}),
			zIndex: 1
		}), ap], i);
	};
}
var up = {
	UNKNOWN: "unknown",
	SHORT: "short",
	MID: "mid",
	LONG: "long"
}, dp = "XYZM", fp = [0, 0], pp = 2, mp = 19, hp = 4, gp = 5e4, _p = 1e3, vp = 3e4, yp = 1e3, bp = 1e3, xp = 500, Sp = 576;
function Cp(e) {
	let t = l(), n = l(), r = l(), i = l(), a = new lc(), s = new sd({
		source: a,
		style: lp(e)
	});
	e.addLayer(s);
	let c = (t) => {
		if (t.isEmpty()) return;
		let n = t.getExtent();
		if (He(n)) return;
		let r = e.getView(), i = Ne(n), a = g(r, i), o = [
			70,
			70,
			70,
			70
		];
		a === up.LONG ? r.animate({
			zoom: hp,
			duration: bp,
			easing: Nu
		}, {
			center: i,
			duration: bp,
			easing: Nu
		}, () => {
			r.fit(n, {
				padding: o,
				duration: 0,
				maxZoom: mp
			});
		}) : r.fit(n, {
			padding: o,
			duration: _(a),
			maxZoom: mp
		});
	}, u = (e, r) => {
		i.value && clearTimeout(i.value), i.value = setTimeout(() => {
			if (!t.value) return;
			let { latitude: i, longitude: a, altitude: o, accuracy: s } = e.coords;
			n.value = {
				latitude: i,
				longitude: a,
				altitude: o,
				accuracy: s
			}, r();
		}, xp);
	}, d = (e) => {
		p(), e();
	}, f = (e, n) => {
		if (t.value) {
			let t = r.value?.getGeometry()?.getCoordinates();
			t && (v(t, mp), e());
		} else navigator.geolocation ? t.value = navigator.geolocation.watchPosition((t) => u(t, e), () => d(n), {
			enableHighAccuracy: !0,
			timeout: vp,
			maximumAge: yp
		}) : d(n);
	}, p = () => {
		i.value &&= (clearTimeout(i.value), void 0), t.value &&= (navigator.geolocation.clearWatch(t.value), void 0), n.value = void 0, a.clear(!0);
	}, m = (e, t, n) => {
		let r = t.getResolutionForExtent(e, n), i = (t.getZoomForResolution(r) ?? 0) - 1;
		return i > 1 ? Math.min(i, mp) : mp;
	}, h = (t) => {
		let n = t.getGeometry(), r = e.getView(), i = e.getSize(), a = n?.getExtent() ?? [];
		if (!n || !r || !i || He(a)) return;
		let o = i[0] ?? 0, s = o < Sp ? -130 : 0, c = o < Sp ? 0 : -70, l = m(a, r, i), u = r.getResolutionForZoom(l), d = -c * u, f = -s * u, p = r.getRotation(), h = Math.cos(p), g = Math.sin(p), [_, y] = Ne(a);
		if (!_ || !y) return;
		let b = [_ - d * h + f * g, y - d * g - f * h];
		v(b, l);
	}, g = (e, t) => {
		let n = e.getCenter(), r = (e) => e.every((e) => e === 0);
		if (!n || !t || r(n) || r(t)) return up.UNKNOWN;
		let i = yn(Pn(n), Pn(t));
		return i <= _p ? up.SHORT : i > gp ? up.LONG : up.MID;
	}, _ = (e) => e === up.SHORT || e === up.UNKNOWN ? bp : 0, v = (t, n) => {
		let r = e.getView(), i = g(r, t), a = _(i);
		i === up.LONG ? r.animate({
			zoom: hp,
			duration: bp,
			easing: Nu
		}, {
			center: t,
			duration: bp,
			easing: Nu
		}, {
			zoom: n,
			duration: a,
			easing: Nu
		}) : r.animate({
			center: t,
			zoom: n,
			duration: a,
			easing: Nu
		});
	};
	return o(() => n.value, (e) => {
		let t = !r.value;
		if (r.value = void 0, a.clear(!0), !e) return;
		let n = Nn(ce(e.longitude, e.latitude, e.altitude, e.accuracy));
		r.value = new ps({ geometry: new Zi(n, dp) }), r.value.set("accuracy", e.accuracy), a.addFeature(r.value), t && v(n, mp);
	}), {
		centerFeatureLocation: h,
		centerFullWorldView: () => v(fp, pp),
		fitToAllFeatures: c,
		getUserCurrentLocation: () => n.value,
		stopWatchingCurrentLocation: p,
		watchCurrentLocation: f
	};
}
var wp = (e) => e ? e instanceof Yi ? e.getCoordinates() : e.getCoordinates()[0] ?? [] : [], Tp = (e, t) => {
	let n = (e) => e.length > 1 && e[0] != null && e[1] != null;
	if (!n(e) || !n(t)) return {
		deltaX: 0,
		deltaY: 0
	};
	let [r, i] = e, [a, o] = t;
	return {
		deltaX: r - a,
		deltaY: i - o
	};
}, Ep = (e, t) => e ** 2 + t ** 2, Dp = (e, t, n) => {
	let { deltaX: r, deltaY: i } = Tp(n, t), a = Ep(r, i);
	if (a === 0) return t;
	let { deltaX: o, deltaY: s } = Tp(e, t), c = (o * r + s * i) / a, l = Math.max(0, Math.min(1, c)), [u = 0, d = 0] = t;
	return [u + l * r, d + l * i];
}, Op = (e, t) => {
	let n = 1 / 0, r = -1, i = [];
	return e.forEach((a, o) => {
		let s = e[o + 1];
		if (!a || !s) return;
		let c = Dp(t, a, s), { deltaX: l, deltaY: u } = Tp(t, c), d = Ep(l, u);
		d < n && (n = d, r = o, i = c);
	}), {
		segmentIndex: r,
		closest: i,
		squaredDist: n
	};
}, kp = (e, t) => e && t && e[0] === t[0] && e[1] === t[1], Ap = (e, t, n) => e <= (t * n) ** 2, jp = (e, t, n, r) => {
	let i = e?.getGeometry();
	return !i || !(i instanceof Yi) && !(i instanceof ca) ? !1 : wp(i).some((e) => {
		let { deltaX: i, deltaY: a } = Tp(t, e);
		return Ap(Ep(i, a), n, r);
	});
}, Mp = (e, t, n, r) => {
	let i = e?.getGeometry();
	if (i instanceof Yi) return !0;
	if (i instanceof ca) {
		let e = wp(i);
		if (e.length < 2) return !1;
		let { squaredDist: a } = Op(e, t);
		return Ap(a, n, r);
	}
	return !1;
}, Np = (e, t, n, r) => {
	if (!n) return new ps({ geometry: new Yi([t]) });
	let i = n.getGeometry(), a = wp(i);
	if (!a.length) return;
	let { segmentIndex: o, closest: s, squaredDist: c } = Op(a, t);
	return o >= 0 && Ap(c, e, r) ? a.splice(o + 1, 0, s) : a.push(t), i?.setCoordinates(a, dp), n;
}, Pp = (e, t, n, r) => {
	if (!n) return new ps({ geometry: new ca([[t]]) });
	let i = n.getGeometry(), a = wp(i);
	if (!a.length) return;
	if (a.length < 3) a.push(t);
	else {
		let { segmentIndex: n, closest: i, squaredDist: o } = Op(a, t);
		n >= 0 && Ap(o, e, r) ? a.splice(n + 1, 0, i) : a.splice(a.length - 1, 0, t);
	}
	let o = a[0], s = a[a.length - 1];
	return a.length >= 3 && o && !kp(o, s) && a.push([...o]), i?.setCoordinates([a], dp), n;
}, Fp = (e, t) => {
	let n = e?.getGeometry(), r = t?.getGeometry();
	if (!n || !r) return;
	let i = r.getCoordinates(), a = wp(n).findIndex((e) => kp(e, i));
	return a === -1 ? void 0 : a;
}, Ip = (e, t) => !e || t === void 0 ? [] : wp(e.getGeometry())[t] ?? [], Lp = (e, t) => (e.splice(t, 1), e), Rp = (e, t) => {
	kp(e[0], e[e.length - 1]) && (t = t === e.length - 1 ? 0 : t, e.pop()), e.splice(t, 1);
	let n = e[0];
	return e.length > 2 && !kp(n, e[e.length - 1]) && e.push([...n]), [e];
}, zp = (e, t) => {
	let n = e?.getGeometry(), r = wp(n);
	if (n && t >= 0 && t < r.length) {
		let e = n instanceof Yi ? Lp(r, t) : Rp(r, t);
		n.setCoordinates(e, dp);
	}
	return r.length;
}, Bp = (e, t, n) => {
	let r = e?.getGeometry(), i = wp(r);
	if (r && t >= 0 && t < i.length) {
		i[t] = n;
		let e = r instanceof Yi ? i : [i];
		r.setCoordinates(e, dp);
	}
}, Vp = (e, t, n, r) => {
	let i = [];
	return Number.isFinite(t) && Number.isFinite(e) && (i.push(t, e), Number.isFinite(r) ? i.push(Number.isFinite(n) ? n : 0, r) : Number.isFinite(n) && i.push(n)), i;
}, Hp = (e) => {
	let t = e.getGeometry();
	if (!t) return "";
	let n = (e) => Vp(...Pn(e)).join(" ");
	if (t.getType() === "Point") {
		let e = t.getCoordinates();
		return e?.length ? n(e) : "";
	}
	return wp(t).map((e) => n(e)).join("; ");
}, Up = () => {
	try {
		let e = document.createElement("canvas");
		return !!(window.WebGLRenderingContext && e.getContext("webgl"));
	} catch {
		return !1;
	}
}, Wp = (e, t) => {
	if (!e?.coordinates?.length) return;
	let n = e.coordinates;
	if (e.type === "Point" && t === j.POINT && !Array.isArray(n[0])) return Nn(n);
	let r = Array.isArray(n[0]) && Array.isArray(n[0][0]) ? n[0] : n;
	if (!r?.length) return;
	r = r.map((e) => Nn(e));
	let i = kp(r[0], r[r.length - 1]);
	if (e.type === "LineString" && t === j.TRACE && !i && r.length >= 2) return r;
	if (e.type === "Polygon" && t === j.SHAPE && i && r.length >= 3) return [r];
}, Gp = class {
	constructor() {
		this.dataProjection = void 0, this.defaultFeatureProjection = void 0, this.featureClass = ps, this.supportedMediaTypes = null;
	}
	getReadOptions(e, t) {
		if (t) {
			let n = t.dataProjection ? Dn(t.dataProjection) : this.readProjection(e);
			t.extent && n && n.getUnits() === "tile-pixels" && (n = Dn(n), n.setWorldExtent(t.extent)), t = {
				dataProjection: n,
				featureProjection: t.featureProjection
			};
		}
		return this.adaptOptions(t);
	}
	adaptOptions(e) {
		return Object.assign({
			dataProjection: this.dataProjection,
			featureProjection: this.defaultFeatureProjection,
			featureClass: this.featureClass
		}, e);
	}
	getType() {
		return I();
	}
	readFeature(e, t) {
		return I();
	}
	readFeatures(e, t) {
		return I();
	}
	readGeometry(e, t) {
		return I();
	}
	readProjection(e) {
		return I();
	}
	writeFeature(e, t) {
		return I();
	}
	writeFeatures(e, t) {
		return I();
	}
	writeGeometry(e, t) {
		return I();
	}
};
function Kp(e, t, n) {
	let r = n ? Dn(n.featureProjection) : null, i = n ? Dn(n.dataProjection) : null, a = e;
	if (r && i && !Fn(r, i)) {
		t && (a = e.clone());
		let n = t ? r : i, o = t ? i : r;
		n.getUnits() === "tile-pixels" ? a.transform(n, o) : a.applyTransform(Rn(n, o));
	}
	if (t && n && n.decimals !== void 0) {
		let t = 10 ** n.decimals;
		a === e && (a = e.clone()), a.applyTransform(function(e) {
			for (let n = 0, r = e.length; n < r; ++n) e[n] = Math.round(e[n] * t) / t;
			return e;
		});
	}
	return a;
}
var qp = {
	Point: Zi,
	LineString: Yi,
	Polygon: ca,
	MultiPoint: Qi,
	MultiLineString: Xi,
	MultiPolygon: da
};
function Jp(e, t, n) {
	return Array.isArray(t[0]) ? (ia(e, 0, t, n) || (e = e.slice(), oa(e, 0, t, n)), e) : (ra(e, 0, t, n) || (e = e.slice(), aa(e, 0, t, n)), e);
}
function Yp(e, t) {
	let n = e.geometry;
	if (!n) return [];
	if (Array.isArray(n)) return n.map((t) => Yp({
		...e,
		geometry: t
	})).flat();
	let r = n.type === "MultiPolygon" ? "Polygon" : n.type;
	if (r === "GeometryCollection" || r === "Circle") throw Error("Unsupported geometry type: " + r);
	let i = n.layout.length;
	return Kp(new zs(r, r === "Polygon" ? Jp(n.flatCoordinates, n.ends, i) : n.flatCoordinates, n.ends?.flat(), i, e.properties || {}, e.id).enableSimplifyTransformed(), !1, t);
}
function Xp(e, t) {
	return e ? Array.isArray(e) ? new pi(e.map((e) => Xp(e, t))) : Kp(new qp[e.type](e.flatCoordinates, e.layout || "XY", e.ends), !1, t) : null;
}
var Zp = class extends Gp {
	constructor() {
		super();
	}
	getType() {
		return "json";
	}
	readFeature(e, t) {
		return this.readFeatureFromObject(Qp(e), this.getReadOptions(e, t));
	}
	readFeatures(e, t) {
		return this.readFeaturesFromObject(Qp(e), this.getReadOptions(e, t));
	}
	readFeatureFromObject(e, t) {
		return I();
	}
	readFeaturesFromObject(e, t) {
		return I();
	}
	readGeometry(e, t) {
		return this.readGeometryFromObject(Qp(e), this.getReadOptions(e, t));
	}
	readGeometryFromObject(e, t) {
		return I();
	}
	readProjection(e) {
		return this.readProjectionFromObject(Qp(e));
	}
	readProjectionFromObject(e) {
		return I();
	}
	writeFeature(e, t) {
		return JSON.stringify(this.writeFeatureObject(e, t));
	}
	writeFeatureObject(e, t) {
		return I();
	}
	writeFeatures(e, t) {
		return JSON.stringify(this.writeFeaturesObject(e, t));
	}
	writeFeaturesObject(e, t) {
		return I();
	}
	writeGeometry(e, t) {
		return JSON.stringify(this.writeGeometryObject(e, t));
	}
	writeGeometryObject(e, t) {
		return I();
	}
};
function Qp(e) {
	return typeof e == "string" ? JSON.parse(e) || null : e === null ? null : e;
}
var $p = class extends Zp {
	constructor(e) {
		e ||= {}, super(), this.dataProjection = Dn(e.dataProjection ? e.dataProjection : "EPSG:4326"), e.featureProjection && (this.defaultFeatureProjection = Dn(e.featureProjection)), e.featureClass && (this.featureClass = e.featureClass), this.geometryName_ = e.geometryName, this.extractGeometryName_ = e.extractGeometryName, this.supportedMediaTypes = ["application/geo+json", "application/vnd.geo+json"];
	}
	readFeatureFromObject(e, t) {
		let n = null;
		n = e.type === "Feature" ? e : {
			type: "Feature",
			geometry: e,
			properties: null
		};
		let r = em(n.geometry);
		if (this.featureClass === zs) return Yp({
			geometry: r,
			id: n.id,
			properties: n.properties
		}, t);
		let i = new ps();
		return this.geometryName_ ? i.setGeometryName(this.geometryName_) : this.extractGeometryName_ && n.geometry_name && i.setGeometryName(n.geometry_name), i.setGeometry(Xp(r, t)), "id" in n && i.setId(n.id), n.properties && i.setProperties(n.properties, !0), i;
	}
	readFeaturesFromObject(e, t) {
		let n = e, r = null;
		if (n.type === "FeatureCollection") {
			let n = e;
			r = [];
			let i = n.features;
			for (let e = 0, n = i.length; e < n; ++e) {
				let n = this.readFeatureFromObject(i[e], t);
				n && r.push(n);
			}
		} else r = [this.readFeatureFromObject(e, t)];
		return r.flat();
	}
	readGeometryFromObject(e, t) {
		return tm(e, t);
	}
	readProjectionFromObject(e) {
		let t = e.crs, n;
		if (t) {
			if (t.type == "name") n = Dn(t.properties.name);
			else if (t.type === "EPSG") n = Dn("EPSG:" + t.properties.code);
			else throw Error("Unknown SRS type");
		} else n = this.dataProjection;
		return n;
	}
	writeFeatureObject(e, t) {
		t = this.adaptOptions(t);
		let n = {
			type: "Feature",
			geometry: null,
			properties: null
		}, r = e.getId();
		if (r !== void 0 && (n.id = r), !e.hasProperties()) return n;
		let i = e.getProperties(), a = e.getGeometry();
		return a && (n.geometry = lm(a, t), delete i[e.getGeometryName()]), Ft(i) || (n.properties = i), n;
	}
	writeFeaturesObject(e, t) {
		t = this.adaptOptions(t);
		let n = [];
		for (let r = 0, i = e.length; r < i; ++r) n.push(this.writeFeatureObject(e[r], t));
		return {
			type: "FeatureCollection",
			features: n
		};
	}
	writeGeometryObject(e, t) {
		return lm(e, this.adaptOptions(t));
	}
};
function em(e, t) {
	if (!e) return null;
	let n;
	switch (e.type) {
		case "Point":
			n = rm(e);
			break;
		case "LineString":
			n = im(e);
			break;
		case "Polygon":
			n = cm(e);
			break;
		case "MultiPoint":
			n = om(e);
			break;
		case "MultiLineString":
			n = am(e);
			break;
		case "MultiPolygon":
			n = sm(e);
			break;
		case "GeometryCollection":
			n = nm(e);
			break;
		default: throw Error("Unsupported GeoJSON type: " + e.type);
	}
	return n;
}
function tm(e, t) {
	return Xp(em(e), t);
}
function nm(e, t) {
	return e.geometries.map(function(e) {
		return em(e);
	});
}
function rm(e) {
	let t = e.coordinates;
	return {
		type: "Point",
		flatCoordinates: t,
		layout: oi(t.length)
	};
}
function im(e) {
	let t = e.coordinates, n = t.flat();
	return {
		type: "LineString",
		flatCoordinates: n,
		ends: [n.length],
		layout: oi(t[0]?.length || 2)
	};
}
function am(e) {
	let t = e.coordinates, n = t[0]?.[0]?.length || 2, r = [];
	return {
		type: "MultiLineString",
		flatCoordinates: r,
		ends: di(r, 0, t, n),
		layout: oi(n)
	};
}
function om(e) {
	let t = e.coordinates;
	return {
		type: "MultiPoint",
		flatCoordinates: t.flat(),
		layout: oi(t[0]?.length || 2)
	};
}
function sm(e) {
	let t = e.coordinates, n = [], r = t[0]?.[0]?.[0].length || 2;
	return {
		type: "MultiPolygon",
		flatCoordinates: n,
		ends: fi(n, 0, t, r),
		layout: oi(r)
	};
}
function cm(e) {
	let t = e.coordinates, n = [], r = t[0]?.[0]?.length;
	return {
		type: "Polygon",
		flatCoordinates: n,
		ends: di(n, 0, t, r),
		layout: oi(r)
	};
}
function lm(e, t) {
	e = Kp(e, !0, t);
	let n = e.getType(), r;
	switch (n) {
		case "Point":
			r = hm(e);
			break;
		case "LineString":
			r = dm(e);
			break;
		case "Polygon":
			r = gm(e, t);
			break;
		case "MultiPoint":
			r = pm(e);
			break;
		case "MultiLineString":
			r = fm(e);
			break;
		case "MultiPolygon":
			r = mm(e, t);
			break;
		case "GeometryCollection":
			r = um(e, t);
			break;
		case "Circle":
			r = {
				type: "GeometryCollection",
				geometries: []
			};
			break;
		default: throw Error("Unsupported geometry type: " + n);
	}
	return r;
}
function um(e, t) {
	return t = Object.assign({}, t), delete t.featureProjection, {
		type: "GeometryCollection",
		geometries: e.getGeometriesArray().map(function(e) {
			return lm(e, t);
		})
	};
}
function dm(e, t) {
	return {
		type: "LineString",
		coordinates: e.getCoordinates()
	};
}
function fm(e, t) {
	return {
		type: "MultiLineString",
		coordinates: e.getCoordinates()
	};
}
function pm(e, t) {
	return {
		type: "MultiPoint",
		coordinates: e.getCoordinates()
	};
}
function mm(e, t) {
	let n;
	return t && (n = t.rightHanded), {
		type: "MultiPolygon",
		coordinates: e.getCoordinates(n)
	};
}
function hm(e, t) {
	return {
		type: "Point",
		coordinates: e.getCoordinates()
	};
}
function gm(e, t) {
	let n;
	return t && (n = t.rightHanded), {
		type: "Polygon",
		coordinates: e.getCoordinates(n)
	};
}
var _m = "EPSG:4326", vm = "odk_feature_id", ym = "odk_selected_vertex_index", bm = "odk_saved_id", xm = "odk_selected_id", Sm = "odk_is_selected";
function Cm(e, t, n, r) {
	let i = l(), a = l(), s = (t) => {
		let n = new $p().readFeature(t, {
			dataProjection: _m,
			featureProjection: e.getView().getProjection()
		});
		return Array.isArray(n) ? n[0] : n;
	}, c = (e, t) => {
		if (e === j.SHAPE) return new ps({ geometry: new ca(t, dp) });
		if (e === j.TRACE) return new ps({ geometry: new Yi(t, dp) });
		if (e === j.POINT) return new ps({ geometry: new Zi(t, dp) });
	}, u = (e, t) => {
		e.clear(!0), e.addFeature(t), v(t), n.fitToAllFeatures(e);
	}, d = (t, r) => {
		let i = new $p().readFeatures(r, {
			dataProjection: _m,
			featureProjection: e.getView().getProjection()
		});
		i.forEach((e) => {
			e.get(vm) || e.set(vm, crypto.randomUUID());
		}), t.addFeatures(i), n.fitToAllFeatures(t);
	}, f = (e, n) => {
		t.canSelectFeatureOrVertex && (i.value?.set(Sm, !1), i.value?.set(ym, void 0), e?.set(ym, n), e?.set(Sm, !0)), i.value = e;
	}, p = () => {
		let e = a.value?.get(vm), t = i.value?.get(vm);
		return e?.length > 0 && e === t;
	}, m = (e, t) => {
		r.updateStyleVariables && r.updateStyleVariables({ [e]: t?.get(vm) ?? "" });
	}, h = (e, t, r = !1) => {
		if (!t || e.isEmpty()) {
			v(void 0);
			return;
		}
		let i = e.forEachFeature((e) => {
			if (e.getProperties()?.[Q_] === t.properties?.[Q_]) return e;
		});
		i && (v(i), (r || !g(i)) && n.centerFeatureLocation(i));
	}, g = (t) => {
		let n = e.getView().calculateExtent(e.getSize()), r = t.getGeometry()?.getExtent();
		return r ? Ve(n, r) : !1;
	}, _ = () => v(i.value), v = (e) => a.value = e, y = () => i.value, b = () => a.value;
	return o(() => i.value, (e) => {
		m(xm, e), e && !t.canSelectFeatureOrVertex && n.centerFeatureLocation(e);
	}), o(() => a.value, (e) => {
		m(bm, e);
	}), {
		createFeatureFromGeoJSON: s,
		createFeatureFromType: c,
		findAndSaveFeature: h,
		getSavedFeature: b,
		getSavedFeatureValue: () => b()?.getProperties()?.[Q_] ?? "",
		getSelectedFeature: y,
		getSelectedFeatureProperties: () => i.value?.getProperties(),
		isSavedFeatureSelected: p,
		loadAndSaveSingleFeature: u,
		loadFeatureCollection: d,
		saveFeature: v,
		saveSelectedFeature: _,
		selectFeature: f
	};
}
function wm(e, t) {
	let n = e.length;
	return t < 0 ? e[t + n] : t >= n ? e[t - n] : e[t];
}
function Tm(e, t) {
	let n = e.length, r = Math.floor(t), i = t - r;
	r >= n ? r -= n : r < 0 && (r += n);
	let a = r + 1;
	a >= n && (a -= n);
	let o = e[r], s = o[0], c = o[1], l = e[a], u = l[0] - s, d = l[1] - c;
	return [s + u * i, c + d * i];
}
var Em = {
	index: -1,
	endIndex: NaN,
	closestTargetDistance: 1 / 0
};
function Dm(e, t, n, r) {
	let i = e[0], a = e[1], o = 1 / 0, s = -1, c = NaN;
	for (let e = 0; e < t.targets.length; ++e) {
		let n = t.targets[e], r = n.coordinates, l = 1 / 0, u;
		for (let e = 0; e < r.length - 1; ++e) {
			let t = Pm(i, a, r[e], r[e + 1]);
			t.squaredDistance < l && (l = t.squaredDistance, u = e + t.along);
		}
		l < o && (o = l, n.ring && t.targetIndex === e && (n.endIndex > n.startIndex ? u < n.startIndex && (u += r.length) : n.endIndex < n.startIndex && u > n.startIndex && (u -= r.length)), c = u, s = e);
	}
	let l = t.targets[s], u = l.ring;
	if (t.targetIndex === s && u) {
		let e = Tm(l.coordinates, c);
		dt(n.getPixelFromCoordinate(e), n.getPixelFromCoordinate(t.startCoord)) > r && (u = !1);
	}
	if (u) {
		let e = l.coordinates, t = e.length, n = l.startIndex, r = c;
		if (n < r) {
			let i = Mm(e, n, r);
			Mm(e, n, r - t) < i && (c -= t);
		} else {
			let i = Mm(e, n, r);
			Mm(e, n, r + t) < i && (c += t);
		}
	}
	return Em.index = s, Em.endIndex = c, Em.closestTargetDistance = o, Em;
}
function Om(e, t) {
	let n = [];
	for (let r = 0; r < t.length; ++r) km(e, t[r].getGeometry(), n);
	return n;
}
function km(e, t, n) {
	if (t instanceof Yi) Am(e, t.getCoordinates(), !1, n);
	else if (t instanceof Xi) {
		let r = t.getCoordinates();
		for (let t = 0, i = r.length; t < i; ++t) Am(e, r[t], !1, n);
	} else if (t instanceof ca) {
		let r = t.getCoordinates();
		for (let t = 0, i = r.length; t < i; ++t) Am(e, r[t], !0, n);
	} else if (t instanceof da) {
		let r = t.getCoordinates();
		for (let t = 0, i = r.length; t < i; ++t) {
			let i = r[t];
			for (let t = 0, r = i.length; t < r; ++t) Am(e, i[t], !0, n);
		}
	} else if (t instanceof pi) {
		let r = t.getGeometries();
		for (let t = 0; t < r.length; ++t) km(e, r[t], n);
	}
}
function Am(e, t, n, r) {
	let i = e[0], a = e[1];
	for (let e = 0, o = t.length - 1; e < o; ++e) {
		let o = Pm(i, a, t[e], t[e + 1]);
		if (o.squaredDistance === 0) {
			let i = e + o.along;
			r.push({
				coordinates: t,
				ring: n,
				startIndex: i,
				endIndex: i
			});
			return;
		}
	}
}
function jm(e, t) {
	return Ye(e[0], e[1], t[0], t[1]);
}
function Mm(e, t, n) {
	let r, i;
	t < n ? (r = t, i = n) : (r = n, i = t);
	let a = Math.ceil(r), o = Math.floor(i);
	if (a > o) return jm(Tm(e, r), Tm(e, i));
	let s = 0;
	if (r < a) {
		let t = Tm(e, r), n = wm(e, a);
		s += jm(t, n);
	}
	if (o < i) {
		let t = wm(e, o), n = Tm(e, i);
		s += jm(t, n);
	}
	for (let t = a; t < o - 1; ++t) {
		let n = wm(e, t), r = wm(e, t + 1);
		s += jm(n, r);
	}
	return s;
}
var Nm = {
	along: 0,
	squaredDistance: 0
};
function Pm(e, t, n, r) {
	let i = n[0], a = n[1], o = r[0], s = r[1], c = o - i, l = s - a, u = 0, d = i, f = a;
	return (c !== 0 || l !== 0) && (u = qe(((e - i) * c + (t - a) * l) / (c * c + l * l), 0, 1), d += c * u, f += l * u), Nm.along = u, Nm.squaredDistance = tt(Ye(e, t, d, f), 10), Nm;
}
var Fm = 0, Im = 1, Lm = [
	0,
	0,
	0,
	0
], Rm = [], zm = {
	MODIFYSTART: "modifystart",
	MODIFYEND: "modifyend"
};
function Bm(e, t, n) {
	let r;
	switch (t) {
		case "LineString":
			r = e;
			break;
		case "MultiLineString":
		case "Polygon":
			r = e[n[0]];
			break;
		case "MultiPolygon": r = e[n[1]][n[0]];
	}
	return r;
}
var Vm = class extends jr {
	constructor(e, t, n) {
		super(e), this.features = t, this.mapBrowserEvent = n;
	}
}, Hm = class extends qd {
	constructor(e) {
		super(e), this.on, this.once, this.un, this.boundHandleFeatureChange_ = this.handleFeatureChange_.bind(this), this.condition_ = e.condition ? e.condition : Kd, this.defaultDeleteCondition_ = function(e) {
			return Nd(e) && Bd(e);
		}, this.deleteCondition_ = e.deleteCondition ? e.deleteCondition : this.defaultDeleteCondition_, this.insertVertexCondition_ = e.insertVertexCondition ? e.insertVertexCondition : Ld, this.vertexFeature_ = null, this.vertexSegments_ = null, this.lastCoordinate_ = [0, 0], this.ignoreNextSingleClick_ = !1, this.featuresBeingModified_ = null, this.rBush_ = new ic(), this.pixelTolerance_ = e.pixelTolerance === void 0 ? 10 : e.pixelTolerance, this.snappedToVertex_ = !1, this.changingFeature_ = !1, this.dragSegments_ = [], this.overlay_ = new sd({
			source: new lc({
				useSpatialIndex: !1,
				wrapX: !!e.wrapX
			}),
			style: e.style ? e.style : Km(),
			updateWhileAnimating: !0,
			updateWhileInteracting: !0
		}), this.SEGMENT_WRITERS_ = {
			Point: this.writePointGeometry_.bind(this),
			LineString: this.writeLineStringGeometry_.bind(this),
			LinearRing: this.writeLineStringGeometry_.bind(this),
			Polygon: this.writePolygonGeometry_.bind(this),
			MultiPoint: this.writeMultiPointGeometry_.bind(this),
			MultiLineString: this.writeMultiLineStringGeometry_.bind(this),
			MultiPolygon: this.writeMultiPolygonGeometry_.bind(this),
			Circle: this.writeCircleGeometry_.bind(this),
			GeometryCollection: this.writeGeometryCollectionGeometry_.bind(this)
		}, this.source_ = null, this.traceSource_ = e.traceSource || e.source || null, this.traceCondition_, this.setTrace(e.trace || !1), this.traceState_ = { active: !1 }, this.traceSegments_ = null, this.hitDetection_ = null;
		let t;
		if (e.features ? t = e.features : e.source && (this.source_ = e.source, t = new fs(this.source_.getFeatures()), this.source_.addEventListener(sc.ADDFEATURE, this.handleSourceAdd_.bind(this)), this.source_.addEventListener(sc.REMOVEFEATURE, this.handleSourceRemove_.bind(this))), !t) throw Error("The modify interaction requires features, a source or a layer");
		e.hitDetection && (this.hitDetection_ = e.hitDetection), this.features_ = t, this.features_.forEach(this.addFeature_.bind(this)), this.features_.addEventListener(ls.ADD, this.handleFeatureAdd_.bind(this)), this.features_.addEventListener(ls.REMOVE, this.handleFeatureRemove_.bind(this)), this.lastPointerEvent_ = null, this.delta_ = [0, 0], this.snapToPointer_ = e.snapToPointer === void 0 ? !this.hitDetection_ : e.snapToPointer;
	}
	setTrace(e) {
		let t;
		t = e ? e === !0 ? Ld : e : zd, this.traceCondition_ = t;
	}
	addFeature_(e) {
		let t = e.getGeometry();
		if (t) {
			let n = this.SEGMENT_WRITERS_[t.getType()];
			n && n(e, t);
		}
		let n = this.getMap();
		n && n.isRendered() && this.getActive() && this.handlePointerAtPixel_(this.lastCoordinate_), e.addEventListener(R.CHANGE, this.boundHandleFeatureChange_);
	}
	willModifyFeatures_(e, t) {
		if (!this.featuresBeingModified_) {
			this.featuresBeingModified_ = new fs();
			let n = this.featuresBeingModified_.getArray();
			for (let e = 0, r = t.length; e < r; ++e) {
				let r = t[e].feature;
				r && !n.includes(r) && this.featuresBeingModified_.push(r);
			}
			this.featuresBeingModified_.getLength() === 0 ? this.featuresBeingModified_ = null : this.dispatchEvent(new Vm(zm.MODIFYSTART, this.featuresBeingModified_, e));
		}
	}
	removeFeature_(e) {
		this.removeFeatureSegmentData_(e), this.vertexFeature_ && this.features_.getLength() === 0 && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null), e.removeEventListener(R.CHANGE, this.boundHandleFeatureChange_);
	}
	removeFeatureSegmentData_(e) {
		let t = this.rBush_, n = [];
		t.forEach(function(t) {
			e === t.feature && n.push(t);
		});
		for (let e = n.length - 1; e >= 0; --e) {
			let r = n[e];
			for (let e = this.dragSegments_.length - 1; e >= 0; --e) this.dragSegments_[e][0] === r && this.dragSegments_.splice(e, 1);
			t.remove(r);
		}
	}
	setActive(e) {
		this.vertexFeature_ && !e && (this.overlay_.getSource().removeFeature(this.vertexFeature_), this.vertexFeature_ = null), super.setActive(e);
	}
	setMap(e) {
		this.overlay_.setMap(e), super.setMap(e);
	}
	getOverlay() {
		return this.overlay_;
	}
	handleSourceAdd_(e) {
		e.feature && this.features_.push(e.feature);
	}
	handleSourceRemove_(e) {
		e.feature && this.features_.remove(e.feature);
	}
	handleFeatureAdd_(e) {
		this.addFeature_(e.element);
	}
	handleFeatureChange_(e) {
		if (!this.changingFeature_) {
			let t = e.target;
			this.removeFeature_(t), this.addFeature_(t);
		}
	}
	handleFeatureRemove_(e) {
		this.removeFeature_(e.element);
	}
	writePointGeometry_(e, t) {
		let n = t.getCoordinates(), r = {
			feature: e,
			geometry: t,
			segment: [n, n]
		};
		this.rBush_.insert(t.getExtent(), r);
	}
	writeMultiPointGeometry_(e, t) {
		let n = t.getCoordinates();
		for (let r = 0, i = n.length; r < i; ++r) {
			let i = n[r], a = {
				feature: e,
				geometry: t,
				depth: [r],
				index: r,
				segment: [i, i]
			};
			this.rBush_.insert(t.getExtent(), a);
		}
	}
	writeLineStringGeometry_(e, t) {
		let n = t.getCoordinates();
		for (let r = 0, i = n.length - 1; r < i; ++r) {
			let i = n.slice(r, r + 2), a = {
				feature: e,
				geometry: t,
				index: r,
				segment: i
			};
			this.rBush_.insert(de(i), a);
		}
	}
	writeMultiLineStringGeometry_(e, t) {
		let n = t.getCoordinates();
		for (let r = 0, i = n.length; r < i; ++r) {
			let i = n[r];
			for (let n = 0, a = i.length - 1; n < a; ++n) {
				let a = i.slice(n, n + 2), o = {
					feature: e,
					geometry: t,
					depth: [r],
					index: n,
					segment: a
				};
				this.rBush_.insert(de(a), o);
			}
		}
	}
	writePolygonGeometry_(e, t) {
		let n = t.getCoordinates();
		for (let r = 0, i = n.length; r < i; ++r) {
			let i = n[r];
			for (let n = 0, a = i.length - 1; n < a; ++n) {
				let a = i.slice(n, n + 2), o = {
					feature: e,
					geometry: t,
					depth: [r],
					index: n,
					segment: a
				};
				this.rBush_.insert(de(a), o);
			}
		}
	}
	writeMultiPolygonGeometry_(e, t) {
		let n = t.getCoordinates();
		for (let r = 0, i = n.length; r < i; ++r) {
			let i = n[r];
			for (let n = 0, a = i.length; n < a; ++n) {
				let a = i[n];
				for (let i = 0, o = a.length - 1; i < o; ++i) {
					let o = a.slice(i, i + 2), s = {
						feature: e,
						geometry: t,
						depth: [n, r],
						index: i,
						segment: o
					};
					this.rBush_.insert(de(o), s);
				}
			}
		}
	}
	writeCircleGeometry_(e, t) {
		let n = t.getCenter(), r = {
			feature: e,
			geometry: t,
			index: Fm,
			segment: [n, n]
		}, i = {
			feature: e,
			geometry: t,
			index: Im,
			segment: [n, n]
		}, a = [r, i];
		r.featureSegments = a, i.featureSegments = a, this.rBush_.insert(Se(n), r);
		let o = t;
		this.rBush_.insert(o.getExtent(), i);
	}
	writeGeometryCollectionGeometry_(e, t) {
		let n = t.getGeometriesArray();
		for (let t = 0; t < n.length; ++t) {
			let r = n[t];
			(0, this.SEGMENT_WRITERS_[r.getType()])(e, r);
		}
	}
	createOrUpdateVertexFeature_(e, t, n, r) {
		let i = this.vertexFeature_;
		return i ? i.getGeometry().setCoordinates(e) : (i = new ps(new Zi(e)), this.vertexFeature_ = i, this.overlay_.getSource().addFeature(i)), i.set("features", t), i.set("geometries", n), i.set("existing", r), i;
	}
	handleEvent(e) {
		if (!e.originalEvent) return !0;
		this.lastPointerEvent_ = e;
		let t;
		return !e.map.getView().getInteracting() && e.type == Z.POINTERMOVE && !this.handlingDownUpSequence && this.handlePointerMove_(e), this.vertexFeature_ && this.deleteCondition_(e) && (t = e.type != Z.SINGLECLICK || !this.ignoreNextSingleClick_ ? this.removePoint() : !0), e.type == Z.SINGLECLICK && (this.ignoreNextSingleClick_ = !1), super.handleEvent(e) && !t;
	}
	findInsertVerticesAndUpdateDragSegments_(e) {
		if (this.handlePointerAtPixel_(e), this.dragSegments_.length = 0, this.featuresBeingModified_ = null, !this.vertexFeature_) return;
		this.getMap().getView().getProjection();
		let t = [], n = this.vertexFeature_.getGeometry().getCoordinates(), r = de([n]), i = this.rBush_.getInExtent(r), a = {};
		i.sort(Um);
		for (let r = 0, o = i.length; r < o; ++r) {
			let o = i[r], s = o.segment, c = L(o.geometry), l = o.depth;
			if (l && (c += "-" + l.join("-")), a[c] || (a[c] = [, ,]), o.geometry.getType() === "Circle" && o.index === Im) st(Gm(e, o), n) && !a[c][0] && (this.dragSegments_.push([o, 0]), a[c][0] = o);
			else if (st(s[0], n) && !a[c][0]) this.dragSegments_.push([o, 0]), a[c][0] = o;
			else if (st(s[1], n) && !a[c][1]) {
				if (a[c][0] && a[c][0].index === 0) {
					let e = o.geometry.getCoordinates();
					switch (o.geometry.getType()) {
						case "LineString":
						case "MultiLineString": continue;
						case "MultiPolygon": e = e[l[1]];
						case "Polygon": if (o.index !== e[l[0]].length - 2) continue;
					}
				}
				this.dragSegments_.push([o, 1]), a[c][1] = o;
			} else L(s) in this.vertexSegments_ && !a[c][0] && !a[c][1] && t.push(o);
		}
		return t;
	}
	deactivateTrace_() {
		this.traceState_ = { active: !1 };
	}
	updateTrace_(e) {
		let t = this.traceState_;
		if (!t.active || t.targetIndex === -1 && dt(e.map.getPixelFromCoordinate(t.startCoord), e.pixel) < this.pixelTolerance_) return;
		let n = Dm(e.coordinate, t, e.map, this.pixelTolerance_);
		if (t.targetIndex === -1 && Math.sqrt(n.closestTargetDistance) / e.map.getView().getResolution() > this.pixelTolerance_) return;
		if (t.targetIndex !== n.index) {
			if (t.targetIndex !== -1) {
				let e = t.targets[t.targetIndex];
				this.removeTracedCoordinates_(e.startIndex, e.endIndex);
			} else for (let e of this.traceSegments_) {
				let t = e[0], n = t.geometry, r = e[1], i = n.getCoordinates();
				Bm(i, n.getType(), t.depth).splice(t.index + r, 1), n.setCoordinates(i), r === 0 && --t.index;
			}
			let e = t.targets[n.index];
			this.addTracedCoordinates_(e, e.startIndex, n.endIndex);
		} else {
			let e = t.targets[t.targetIndex];
			this.addOrRemoveTracedCoordinates_(e, n.endIndex);
		}
		t.targetIndex = n.index;
		let r = t.targets[t.targetIndex];
		r.endIndex = n.endIndex;
	}
	getTraceCandidates_(e) {
		let t = this.getMap(), n = this.pixelTolerance_, r = de([t.getCoordinateFromPixel([e.pixel[0] - n, e.pixel[1] + n]), t.getCoordinateFromPixel([e.pixel[0] + n, e.pixel[1] - n])]);
		return this.traceSource_.getFeaturesInExtent(r);
	}
	toggleTraceState_(e) {
		if (!this.traceSource_ || !this.traceCondition_(e)) return;
		if (this.traceState_.active) {
			this.deactivateTrace_(), this.traceSegments_ = null;
			return;
		}
		let t = this.getTraceCandidates_(e);
		if (t.length === 0) return;
		let n = Om(e.coordinate, t);
		n.length && (this.traceState_ = {
			active: !0,
			startCoord: e.coordinate.slice(),
			targets: n,
			targetIndex: -1
		});
	}
	addOrRemoveTracedCoordinates_(e, t) {
		let n = e.startIndex <= e.endIndex;
		n === e.startIndex <= t ? n && t > e.endIndex || !n && t < e.endIndex ? this.addTracedCoordinates_(e, e.endIndex, t) : (n && t < e.endIndex || !n && t > e.endIndex) && this.removeTracedCoordinates_(t, e.endIndex) : (this.removeTracedCoordinates_(e.startIndex, e.endIndex), this.addTracedCoordinates_(e, e.startIndex, t));
	}
	removeTracedCoordinates_(e, t) {
		if (e === t) return;
		let n = 0;
		if (e < t) {
			let r = Math.ceil(e), i = Math.floor(t);
			i === t && --i, n = i - r + 1;
		} else {
			let r = Math.floor(e), i = Math.ceil(t);
			i === t && (i += 1), n = r - i + 1;
		}
		if (n > 0) for (let e of this.traceSegments_) {
			let t = e[0], r = t.geometry, i = e[1], a = e[0].index + 1;
			i === 1 && (a -= n);
			let o = r.getCoordinates();
			Bm(o, r.getType(), t.depth).splice(a, n), r.setCoordinates(o), i === 1 && (t.index -= n);
		}
	}
	addTracedCoordinates_(e, t, n) {
		if (t === n) return;
		let r = [];
		if (t < n) {
			let i = Math.ceil(t), a = Math.floor(n);
			a === n && --a;
			for (let t = i; t <= a; ++t) r.push(wm(e.coordinates, t));
		} else {
			let i = Math.floor(t), a = Math.ceil(n);
			a === n && (a += 1);
			for (let t = i; t >= a; --t) r.push(wm(e.coordinates, t));
		}
		if (r.length) for (let e of this.traceSegments_) {
			let t = e[0], n = t.geometry, i = e[1], a = t.index + 1;
			i === 0 && r.reverse();
			let o = n.getCoordinates();
			Bm(o, n.getType(), t.depth).splice(a, 0, ...r), n.setCoordinates(o), i === 1 && (t.index += r.length);
		}
	}
	updateGeometry_(e, t) {
		let n = t[0], r = n.depth, i, a = n.segment, o = n.geometry, s = t[1];
		for (; e.length < o.getStride();) e.push(a[s][e.length]);
		switch (o.getType()) {
			case "Point":
				i = e, a[0] = e, a[1] = e;
				break;
			case "MultiPoint":
				i = o.getCoordinates(), i[n.index] = e, a[0] = e, a[1] = e;
				break;
			case "LineString":
				i = o.getCoordinates(), i[n.index + s] = e, a[s] = e;
				break;
			case "MultiLineString":
			case "Polygon":
				i = o.getCoordinates(), i[r[0]][n.index + s] = e, a[s] = e;
				break;
			case "MultiPolygon":
				i = o.getCoordinates(), i[r[1]][r[0]][n.index + s] = e, a[s] = e;
				break;
			case "Circle":
				let t = o;
				if (a[0] = e, a[1] = e, n.index === Fm) this.changingFeature_ = !0, t.setCenter(e), this.changingFeature_ = !1;
				else {
					this.changingFeature_ = !0, this.getMap().getView().getProjection();
					let n = dt(Vn(t.getCenter()), Vn(e));
					t.setRadius(n), this.changingFeature_ = !1;
				}
		}
		i && this.setGeometryCoordinates_(o, i);
	}
	handleDragEvent(e) {
		this.ignoreNextSingleClick_ = !1, this.willModifyFeatures_(e, this.dragSegments_.map(([e]) => e));
		let t = [e.coordinate[0] + this.delta_[0], e.coordinate[1] + this.delta_[1]], n = [], r = [], i = this.traceState_.active && !this.traceSegments_ ? this.traceState_.startCoord : null;
		if (i) {
			this.traceSegments_ = [];
			for (let t of this.dragSegments_) dt(ot(i, t[0].segment), i) / e.map.getView().getResolution() < 1 && this.traceSegments_.push(t);
		}
		for (let e = 0, i = this.dragSegments_.length; e < i; ++e) {
			let i = this.dragSegments_[e], a = i[0], o = a.feature;
			n.includes(o) || n.push(o);
			let s = a.geometry;
			r.includes(s) || r.push(s), this.updateGeometry_(t, i);
		}
		this.updateTrace_(e), this.createOrUpdateVertexFeature_(t, n, r, !0);
	}
	handleDownEvent(e) {
		if (!this.condition_(e)) return !1;
		let t = e.coordinate, n = this.findInsertVerticesAndUpdateDragSegments_(t);
		if (n?.length && this.insertVertexCondition_(e) && (this.willModifyFeatures_(e, n), this.vertexFeature_)) {
			let e = this.vertexFeature_.getGeometry().getCoordinates();
			for (let t = n.length - 1; t >= 0; --t) this.insertVertex_(n[t], e);
			this.ignoreNextSingleClick_ = !0;
		}
		return !!this.vertexFeature_;
	}
	handleUpEvent(e) {
		for (let e = this.dragSegments_.length - 1; e >= 0; --e) {
			let t = this.dragSegments_[e][0], n = t.geometry;
			if (n.getType() === "Circle") {
				let e = n, r = e.getCenter(), i = t.featureSegments[0], a = t.featureSegments[1];
				i.segment[0] = r, i.segment[1] = r, a.segment[0] = r, a.segment[1] = r, this.rBush_.update(Se(r), i);
				let o = e;
				this.rBush_.update(o.getExtent(), a);
			} else this.rBush_.update(de(t.segment), t);
		}
		return this.featuresBeingModified_ &&= (this.toggleTraceState_(e), this.dispatchEvent(new Vm(zm.MODIFYEND, this.featuresBeingModified_, e)), null), !1;
	}
	handlePointerMove_(e) {
		this.lastCoordinate_ = e.coordinate, this.handlePointerAtPixel_(this.lastCoordinate_);
	}
	handlePointerAtPixel_(e) {
		let t = this.getMap(), n = t.getPixelFromCoordinate(e);
		t.getView().getProjection();
		let r = function(t, n) {
			return Wm(e, t) - Wm(e, n);
		}, i, a;
		if (this.hitDetection_) {
			let e = typeof this.hitDetection_ == "object" ? (e) => e === this.hitDetection_ : void 0;
			t.forEachFeatureAtPixel(n, (e, t, n) => {
				n && n.getType() === "Point" && (n = new Zi(Bn(n.getCoordinates())));
				let r = n || e.getGeometry();
				if (r && r.getType() === "Point" && e instanceof ps && this.features_.getArray().includes(e)) {
					a = r;
					let t = e.getGeometry().getFlatCoordinates().slice(0, 2);
					i = [{
						feature: e,
						geometry: a,
						segment: [t, t]
					}];
				}
				return !0;
			}, { layerFilter: e });
		}
		if (!i) {
			let n = Hn(fe(Un(Se(e, Lm)), t.getView().getResolution() * this.pixelTolerance_, Lm));
			i = this.rBush_.getInExtent(n);
		}
		if (i && i.length > 0) {
			let o = i.sort(r)[0], s = o.segment, c = Gm(e, o), l = t.getPixelFromCoordinate(c), u = dt(n, l);
			if (a || u <= this.pixelTolerance_) {
				let n = {};
				if (n[L(s)] = !0, this.snapToPointer_ || (this.delta_[0] = c[0] - e[0], this.delta_[1] = c[1] - e[1]), o.geometry.getType() === "Circle" && o.index === Im) this.snappedToVertex_ = !0, this.createOrUpdateVertexFeature_(c, [o.feature], [o.geometry], this.snappedToVertex_);
				else {
					let e = t.getPixelFromCoordinate(s[0]), r = t.getPixelFromCoordinate(s[1]), a = ut(l, e), d = ut(l, r);
					if (u = Math.sqrt(Math.min(a, d)), this.snappedToVertex_ = u <= this.pixelTolerance_, !this.snappedToVertex_ && !this.insertVertexCondition_(this.lastPointerEvent_)) {
						this.vertexFeature_ &&= (this.overlay_.getSource().removeFeature(this.vertexFeature_), null);
						return;
					}
					this.snappedToVertex_ && (c = a > d ? s[1] : s[0]), this.createOrUpdateVertexFeature_(c, [o.feature], [o.geometry], this.snappedToVertex_);
					let f = {};
					f[L(o.geometry)] = !0;
					for (let e = 1, t = i.length; e < t; ++e) {
						let t = i[e].segment;
						if (st(s[0], t[0]) && st(s[1], t[1]) || st(s[0], t[1]) && st(s[1], t[0])) {
							let r = L(i[e].geometry);
							r in f || (f[r] = !0, n[L(t)] = !0);
						} else break;
					}
				}
				this.vertexSegments_ = n;
				return;
			}
		}
		this.vertexFeature_ &&= (this.overlay_.getSource().removeFeature(this.vertexFeature_), null);
	}
	insertVertex_(e, t) {
		let n = e.segment, r = e.feature, i = e.geometry, a = e.depth, o = e.index, s;
		for (; t.length < i.getStride();) t.push(0);
		switch (i.getType()) {
			case "MultiLineString":
			case "Polygon":
				s = i.getCoordinates(), s[a[0]].splice(o + 1, 0, t);
				break;
			case "MultiPolygon":
				s = i.getCoordinates(), s[a[1]][a[0]].splice(o + 1, 0, t);
				break;
			case "LineString":
				s = i.getCoordinates(), s.splice(o + 1, 0, t);
				break;
			default: return !1;
		}
		this.setGeometryCoordinates_(i, s);
		let c = this.rBush_;
		c.remove(e), this.updateSegmentIndices_(i, o, a, 1);
		let l = {
			segment: [n[0], t],
			feature: r,
			geometry: i,
			depth: a,
			index: o
		};
		c.insert(de(l.segment), l), this.dragSegments_.push([l, 1]);
		let u = {
			segment: [t, n[1]],
			feature: r,
			geometry: i,
			depth: a,
			index: o + 1
		};
		return c.insert(de(u.segment), u), this.dragSegments_.push([u, 0]), !0;
	}
	updatePointer_(e) {
		return e && this.findInsertVerticesAndUpdateDragSegments_(e), this.vertexFeature_?.getGeometry().getCoordinates();
	}
	getPoint() {
		let e = this.vertexFeature_?.getGeometry().getCoordinates();
		return e ? Bn(e, this.getMap().getView().getProjection()) : null;
	}
	canRemovePoint() {
		if (!this.vertexFeature_ || this.vertexFeature_.get("geometries").every((e) => e.getType() === "Circle" || e.getType().endsWith("Point"))) return !1;
		let e = this.vertexFeature_.getGeometry().getCoordinates();
		return this.rBush_.getInExtent(de([e])).some(({ segment: t }) => st(t[0], e) || st(t[1], e));
	}
	removePoint(e) {
		if (e && (e = Vn(e, this.getMap().getView().getProjection()), this.updatePointer_(e)), !this.lastPointerEvent_ || this.lastPointerEvent_ && this.lastPointerEvent_.type != Z.POINTERDRAG) {
			let e = this.lastPointerEvent_;
			this.willModifyFeatures_(e, this.dragSegments_.map(([e]) => e));
			let t = this.removeVertex_();
			return this.featuresBeingModified_ && this.dispatchEvent(new Vm(zm.MODIFYEND, this.featuresBeingModified_, e)), this.featuresBeingModified_ = null, t;
		}
		return !1;
	}
	removeVertex_() {
		let e = this.dragSegments_, t = {}, n = !1, r, i, a, o, s, c, l, u, d, f, p;
		for (s = e.length - 1; s >= 0; --s) a = e[s], f = a[0], p = L(f.feature), f.depth && (p += "-" + f.depth.join("-")), p in t || (t[p] = {}), a[1] === 0 ? (t[p].right = f, t[p].index = f.index) : a[1] == 1 && (t[p].left = f, t[p].index = f.index + 1);
		for (p in t) {
			switch (d = t[p].right, l = t[p].left, c = t[p].index, u = c - 1, f = l === void 0 ? d : l, u < 0 && (u = 0), o = f.geometry, i = o.getCoordinates(), r = i, n = !1, o.getType()) {
				case "MultiLineString":
					i[f.depth[0]].length > 2 && (i[f.depth[0]].splice(c, 1), n = !0);
					break;
				case "LineString":
					i.length > 2 && (i.splice(c, 1), n = !0);
					break;
				case "MultiPolygon": r = r[f.depth[1]];
				case "Polygon": r = r[f.depth[0]], r.length > 4 && (c == r.length - 1 && (c = 0), r.splice(c, 1), n = !0, c === 0 && (r.pop(), r.push(r[0]), u = r.length - 1));
			}
			if (n) {
				this.setGeometryCoordinates_(o, i);
				let t = [];
				if (l !== void 0 && (this.rBush_.remove(l), t.push(l.segment[0])), d !== void 0 && (this.rBush_.remove(d), t.push(d.segment[1])), l !== void 0 && d !== void 0) {
					let e = {
						depth: f.depth,
						feature: f.feature,
						geometry: f.geometry,
						index: u,
						segment: t
					};
					this.rBush_.insert(de(e.segment), e);
				}
				this.updateSegmentIndices_(o, c, f.depth, -1), this.vertexFeature_ &&= (this.overlay_.getSource().removeFeature(this.vertexFeature_), null), e.length = 0;
			}
		}
		return n;
	}
	canInsertPoint() {
		if (!this.vertexFeature_ || this.vertexFeature_.get("geometries").every((e) => e.getType() === "Circle" || e.getType().endsWith("Point"))) return !1;
		let e = this.vertexFeature_.getGeometry().getCoordinates();
		return this.rBush_.getInExtent(de([e])).some(({ segment: t }) => !(st(t[0], e) || st(t[1], e)));
	}
	insertPoint(e) {
		let t = e ? Vn(e, this.getMap().getView().getProjection()) : this.vertexFeature_?.getGeometry().getCoordinates();
		return t ? this.findInsertVerticesAndUpdateDragSegments_(t).reduce((e, n) => e || this.insertVertex_(n, t), !1) : !1;
	}
	setGeometryCoordinates_(e, t) {
		this.changingFeature_ = !0, e.setCoordinates(t), this.changingFeature_ = !1;
	}
	updateSegmentIndices_(e, t, n, r) {
		this.rBush_.forEachInExtent(e.getExtent(), function(i) {
			i.geometry === e && (n === void 0 || i.depth === void 0 || wr(i.depth, n)) && i.index > t && (i.index += r);
		});
	}
};
function Um(e, t) {
	return e.index - t.index;
}
function Wm(e, t, n) {
	let r = t.geometry;
	if (r.getType() === "Circle") {
		let n = r;
		if (t.index === Im) {
			let t = ut(n.getCenter(), Vn(e)), r = Math.sqrt(t) - n.getRadius();
			return r * r;
		}
	}
	let i = Vn(e);
	return Rm[0] = Vn(t.segment[0]), Rm[1] = Vn(t.segment[1]), ft(i, Rm);
}
function Gm(e, t, n) {
	let r = t.geometry;
	if (r.getType() === "Circle" && t.index === Im) return Bn(r.getClosestPoint(Vn(e)));
	let i = Vn(e);
	return Rm[0] = Vn(t.segment[0]), Rm[1] = Vn(t.segment[1]), Bn(ot(i, Rm));
}
function Km() {
	let e = rs();
	return function(t, n) {
		return e.Point;
	};
}
var qm = {
	TRANSLATESTART: "translatestart",
	TRANSLATING: "translating",
	TRANSLATEEND: "translateend"
}, Jm = class extends jr {
	constructor(e, t, n, r, i) {
		super(e), this.features = t, this.coordinate = n, this.startCoordinate = r, this.mapBrowserEvent = i;
	}
}, Ym = class extends qd {
	constructor(e) {
		e ||= {}, super(e), this.on, this.once, this.un, this.lastCoordinate_ = null, this.startCoordinate_ = null, this.features_ = e.features === void 0 ? null : e.features;
		let t;
		if (e.layers && !this.features_) {
			if (typeof e.layers == "function") t = e.layers;
			else {
				let n = e.layers;
				t = function(e) {
					return n.includes(e);
				};
			}
		} else t = Er;
		this.layerFilter_ = t, this.filter_ = e.filter && !this.features_ ? e.filter : Er, this.hitTolerance_ = e.hitTolerance ? e.hitTolerance : 0, this.condition_ = e.condition ? e.condition : Ld, this.lastFeature_ = null, this.addChangeListener(Dd.ACTIVE, this.handleActiveChanged_);
	}
	handleDownEvent(e) {
		if (!e.originalEvent || !this.condition_(e)) return !1;
		if (this.lastFeature_ = this.featuresAtPixel_(e.pixel, e.map), !this.lastCoordinate_ && this.lastFeature_) {
			this.startCoordinate_ = e.coordinate, this.lastCoordinate_ = e.coordinate, this.handleMoveEvent(e);
			let t = this.features_ || new fs([this.lastFeature_]);
			return this.dispatchEvent(new Jm(qm.TRANSLATESTART, t, e.coordinate, this.startCoordinate_, e)), !0;
		}
		return !1;
	}
	handleUpEvent(e) {
		if (this.lastCoordinate_) {
			this.lastCoordinate_ = null, this.handleMoveEvent(e);
			let t = this.features_ || new fs([this.lastFeature_]);
			return this.dispatchEvent(new Jm(qm.TRANSLATEEND, t, e.coordinate, this.startCoordinate_, e)), this.startCoordinate_ = null, !0;
		}
		return !1;
	}
	handleDragEvent(e) {
		if (this.lastCoordinate_) {
			let t = e.coordinate;
			e.map.getView().getProjection();
			let n = Vn(t), r = Vn(this.lastCoordinate_), i = n[0] - r[0], a = n[1] - r[1], o = this.features_ || new fs([this.lastFeature_]);
			o.forEach(function(e) {
				let t = e.getGeometry();
				t.translate(i, a), e.setGeometry(t);
			}), this.lastCoordinate_ = t, this.dispatchEvent(new Jm(qm.TRANSLATING, o, t, this.startCoordinate_, e));
		}
	}
	handleMoveEvent(e) {
		let t = e.map.getViewport();
		this.featuresAtPixel_(e.pixel, e.map) ? (t.classList.remove(this.lastCoordinate_ ? "ol-grab" : "ol-grabbing"), t.classList.add(this.lastCoordinate_ ? "ol-grabbing" : "ol-grab")) : t.classList.remove("ol-grab", "ol-grabbing");
	}
	featuresAtPixel_(e, t) {
		return t.forEachFeatureAtPixel(e, (e, t) => {
			if (e instanceof ps && this.filter_(e, t) && (!this.features_ || this.features_.getArray().includes(e))) return e;
		}, {
			layerFilter: this.layerFilter_,
			hitTolerance: this.hitTolerance_
		});
	}
	getHitTolerance() {
		return this.hitTolerance_;
	}
	setHitTolerance(e) {
		this.hitTolerance_ = e;
	}
	setMap(e) {
		let t = this.getMap();
		super.setMap(e), this.updateState_(t);
	}
	handleActiveChanged_() {
		this.updateState_(null);
	}
	updateState_(e) {
		let t = this.getMap(), n = this.getActive();
		t && n || (t ||= e, t && t.getViewport().classList.remove("ol-grab", "ol-grabbing"));
	}
}, Xm = class e {
	constructor() {
		this.globalCounter_ = 0, this.refToFeature_ = /* @__PURE__ */ new Map(), this.uidToRef_ = /* @__PURE__ */ new Map(), this.freeGlobalRef_ = [], this.polygonBatch = {
			entries: {},
			geometriesCount: 0,
			verticesCount: 0,
			ringsCount: 0
		}, this.pointBatch = {
			entries: {},
			geometriesCount: 0
		}, this.lineStringBatch = {
			entries: {},
			geometriesCount: 0,
			verticesCount: 0
		};
	}
	addFeatures(e, t) {
		for (let n = 0; n < e.length; n++) this.addFeature(e[n], t);
	}
	addFeature(e, t) {
		let n = e.getGeometry();
		n && (t && (n = n.clone(), n.applyTransform(t)), this.addGeometry_(n, e));
	}
	clearFeatureEntryInPointBatch_(e) {
		let t = L(e), n = this.pointBatch.entries[t];
		if (n) return this.pointBatch.geometriesCount -= n.flatCoordss.length, delete this.pointBatch.entries[t], n;
	}
	clearFeatureEntryInLineStringBatch_(e) {
		let t = L(e), n = this.lineStringBatch.entries[t];
		if (n) return this.lineStringBatch.verticesCount -= n.verticesCount, this.lineStringBatch.geometriesCount -= n.flatCoordss.length, delete this.lineStringBatch.entries[t], n;
	}
	clearFeatureEntryInPolygonBatch_(e) {
		let t = L(e), n = this.polygonBatch.entries[t];
		if (n) return this.polygonBatch.verticesCount -= n.verticesCount, this.polygonBatch.ringsCount -= n.ringsCount, this.polygonBatch.geometriesCount -= n.flatCoordss.length, delete this.polygonBatch.entries[t], n;
	}
	addGeometry_(e, t) {
		let n = e.getType();
		switch (n) {
			case "GeometryCollection": {
				let n = e.getGeometriesArray();
				for (let e of n) this.addGeometry_(e, t);
				break;
			}
			case "MultiPolygon": {
				let r = e;
				this.addCoordinates_(n, r.getFlatCoordinates(), r.getEndss(), t, L(t), r.getStride());
				break;
			}
			case "MultiLineString": {
				let r = e;
				this.addCoordinates_(n, r.getFlatCoordinates(), r.getEnds(), t, L(t), r.getStride());
				break;
			}
			case "MultiPoint": {
				let r = e;
				this.addCoordinates_(n, r.getFlatCoordinates(), null, t, L(t), r.getStride());
				break;
			}
			case "Polygon": {
				let r = e;
				this.addCoordinates_(n, r.getFlatCoordinates(), r.getEnds(), t, L(t), r.getStride());
				break;
			}
			case "Point": {
				let r = e;
				this.addCoordinates_(n, r.getFlatCoordinates(), null, t, L(t), r.getStride());
				break;
			}
			case "LineString":
			case "LinearRing": {
				let r = e, i = r.getStride();
				this.addCoordinates_(n, r.getFlatCoordinates(), null, t, L(t), i, r.getLayout?.());
				break;
			}
		}
	}
	addCoordinates_(e, t, n, r, i, a, o) {
		let s;
		switch (e) {
			case "MultiPolygon": {
				let e = n;
				for (let n = 0, s = e.length; n < s; n++) {
					let s = e[n], c = n > 0 ? e[n - 1] : null, l = c ? c[c.length - 1] : 0, u = s[s.length - 1];
					s = l > 0 ? s.map((e) => e - l) : s, this.addCoordinates_("Polygon", t.slice(l, u), s, r, i, a, o);
				}
				break;
			}
			case "MultiLineString": {
				let e = n;
				for (let n = 0, s = e.length; n < s; n++) {
					let s = n > 0 ? e[n - 1] : 0;
					this.addCoordinates_("LineString", t.slice(s, e[n]), null, r, i, a, o);
				}
				break;
			}
			case "MultiPoint":
				for (let e = 0, n = t.length; e < n; e += a) this.addCoordinates_("Point", t.slice(e, e + 2), null, r, i, null, null);
				break;
			case "Polygon": {
				let e = n;
				if (r instanceof zs) {
					let n = sa(t, e);
					if (n.length > 1) {
						this.addCoordinates_("MultiPolygon", t, n, r, i, a, o);
						return;
					}
				}
				this.polygonBatch.entries[i] || (this.polygonBatch.entries[i] = this.addRefToEntry_(i, {
					feature: r,
					flatCoordss: [],
					verticesCount: 0,
					ringsCount: 0,
					ringsVerticesCounts: []
				})), s = t.length / a;
				let c = n.length, l = n.map((e, t, n) => t > 0 ? (e - n[t - 1]) / a : e / a);
				this.polygonBatch.verticesCount += s, this.polygonBatch.ringsCount += c, this.polygonBatch.geometriesCount++, this.polygonBatch.entries[i].flatCoordss.push(Zm(t, a)), this.polygonBatch.entries[i].ringsVerticesCounts.push(l), this.polygonBatch.entries[i].verticesCount += s, this.polygonBatch.entries[i].ringsCount += c;
				for (let n = 0, s = e.length; n < s; n++) {
					let s = n > 0 ? e[n - 1] : 0;
					this.addCoordinates_("LinearRing", t.slice(s, e[n]), null, r, i, a, o);
				}
				break;
			}
			case "Point":
				this.pointBatch.entries[i] || (this.pointBatch.entries[i] = this.addRefToEntry_(i, {
					feature: r,
					flatCoordss: []
				})), this.pointBatch.geometriesCount++, this.pointBatch.entries[i].flatCoordss.push(t);
				break;
			case "LineString":
			case "LinearRing": this.lineStringBatch.entries[i] || (this.lineStringBatch.entries[i] = this.addRefToEntry_(i, {
				feature: r,
				flatCoordss: [],
				verticesCount: 0
			})), s = t.length / a, this.lineStringBatch.verticesCount += s, this.lineStringBatch.geometriesCount++, this.lineStringBatch.entries[i].flatCoordss.push(Qm(t, a, o)), this.lineStringBatch.entries[i].verticesCount += s;
		}
	}
	addRefToEntry_(e, t) {
		let n = this.uidToRef_.get(e), r = n || this.freeGlobalRef_.pop() || ++this.globalCounter_;
		return t.ref = r, n || (this.refToFeature_.set(r, t.feature), this.uidToRef_.set(e, r)), t;
	}
	removeRef_(e, t) {
		if (!e) throw Error("This feature has no ref: " + t);
		this.refToFeature_.delete(e), this.uidToRef_.delete(t), this.freeGlobalRef_.push(e);
	}
	changeFeature(e, t) {
		if (!this.uidToRef_.get(L(e))) return;
		this.removeFeature(e);
		let n = e.getGeometry();
		n && (t && (n = n.clone(), n.applyTransform(t)), this.addGeometry_(n, e));
	}
	removeFeature(e) {
		let t = this.clearFeatureEntryInPointBatch_(e);
		t = this.clearFeatureEntryInPolygonBatch_(e) || t, t = this.clearFeatureEntryInLineStringBatch_(e) || t, t && this.removeRef_(t.ref, L(t.feature));
	}
	clear() {
		this.polygonBatch.entries = {}, this.polygonBatch.geometriesCount = 0, this.polygonBatch.verticesCount = 0, this.polygonBatch.ringsCount = 0, this.lineStringBatch.entries = {}, this.lineStringBatch.geometriesCount = 0, this.lineStringBatch.verticesCount = 0, this.pointBatch.entries = {}, this.pointBatch.geometriesCount = 0, this.globalCounter_ = 0, this.freeGlobalRef_ = [], this.refToFeature_.clear(), this.uidToRef_.clear();
	}
	getFeatureFromRef(e) {
		return this.refToFeature_.get(e);
	}
	isEmpty() {
		return this.globalCounter_ === 0;
	}
	filter(t) {
		let n = new e();
		n.globalCounter_ = this.globalCounter_, n.uidToRef_ = this.uidToRef_, n.refToFeature_ = this.refToFeature_;
		let r = !0;
		for (let e of this.refToFeature_.values()) t(e) && (n.addFeature(e), r = !1);
		return r ? new e() : n;
	}
};
function Zm(e, t) {
	return t === 2 ? e : e.filter((e, n) => n % t < 2);
}
function Qm(e, t, n) {
	return t === 3 && n === "XYM" ? e : t === 4 ? e.filter((e, n) => n % t !== 2) : t === 3 ? e.map((e, n) => n % t === 2 ? 0 : e) : Array(e.length * 1.5).fill(0).map((t, n) => n % 3 == 2 ? 0 : e[Math.round(n / 1.5)]);
}
var $m = 34962, eh = 34963, th = 35044, nh = 35048, rh = 5121, ih = 5123, ah = 5125, oh = 5126, sh = [
	"experimental-webgl",
	"webgl",
	"webkit-3d",
	"moz-webgl"
];
function ch(e, t) {
	t = Object.assign({
		preserveDrawingBuffer: !0,
		antialias: !pa
	}, t);
	let n = sh.length;
	for (let r = 0; r < n; ++r) try {
		let n = e.getContext(sh[r], t);
		if (n) return n;
	} catch {}
	return null;
}
var lh = { STATIC_DRAW: th }, uh = class {
	constructor(e, t) {
		this.array_ = null, this.type_ = e, V(e === $m || e === eh, "A `WebGLArrayBuffer` must either be of type `ELEMENT_ARRAY_BUFFER` or `ARRAY_BUFFER`"), this.usage_ = t === void 0 ? lh.STATIC_DRAW : t;
	}
	ofSize(e) {
		return this.array_ = new (dh(this.type_))(e), this;
	}
	fromArray(e) {
		return this.array_ = dh(this.type_).from(e), this;
	}
	fromArrayBuffer(e) {
		return this.array_ = new (dh(this.type_))(e), this;
	}
	getType() {
		return this.type_;
	}
	getArray() {
		return this.array_;
	}
	setArray(e) {
		let t = dh(this.type_);
		if (!(e instanceof t)) throw Error(`Expected ${t}`);
		this.array_ = e;
	}
	getUsage() {
		return this.usage_;
	}
	getSize() {
		return this.array_ ? this.array_.length : 0;
	}
};
function dh(e) {
	switch (e) {
		case $m: return Float32Array;
		case eh: return Uint32Array;
		default: return Float32Array;
	}
}
function fh() {
	return [
		1,
		0,
		0,
		0,
		0,
		1,
		0,
		0,
		0,
		0,
		1,
		0,
		0,
		0,
		0,
		1
	];
}
function ph(e, t) {
	return e[0] = t[0], e[1] = t[1], e[4] = t[2], e[5] = t[3], e[12] = t[4], e[13] = t[5], e;
}
var mh = {
	LOST: "webglcontextlost",
	RESTORED: "webglcontextrestored"
}, hh = "\n  precision mediump float;\n\n  attribute vec2 a_position;\n  varying vec2 v_texCoord;\n  varying vec2 v_screenCoord;\n\n  uniform vec2 u_screenSize;\n\n  void main() {\n    v_texCoord = a_position * 0.5 + 0.5;\n    v_screenCoord = v_texCoord * u_screenSize;\n    gl_Position = vec4(a_position, 0.0, 1.0);\n  }\n", gh = "\n  precision mediump float;\n\n  uniform sampler2D u_image;\n  uniform float u_opacity;\n\n  varying vec2 v_texCoord;\n\n  void main() {\n    gl_FragColor = texture2D(u_image, v_texCoord) * u_opacity;\n  }\n", _h = class {
	constructor(e) {
		this.gl_ = e.webGlContext;
		let t = this.gl_;
		this.scaleRatio_ = e.scaleRatio || 1, this.renderTargetTexture_ = t.createTexture(), this.renderTargetTextureSize_ = null, this.frameBuffer_ = t.createFramebuffer(), this.depthBuffer_ = t.createRenderbuffer();
		let n = t.createShader(t.VERTEX_SHADER);
		t.shaderSource(n, e.vertexShader || hh), t.compileShader(n);
		let r = t.createShader(t.FRAGMENT_SHADER);
		t.shaderSource(r, e.fragmentShader || gh), t.compileShader(r), this.renderTargetProgram_ = t.createProgram(), t.attachShader(this.renderTargetProgram_, n), t.attachShader(this.renderTargetProgram_, r), t.linkProgram(this.renderTargetProgram_), this.renderTargetVerticesBuffer_ = t.createBuffer(), t.bindBuffer(t.ARRAY_BUFFER, this.renderTargetVerticesBuffer_), t.bufferData(t.ARRAY_BUFFER, new Float32Array([
			-1,
			-1,
			1,
			-1,
			-1,
			1,
			1,
			-1,
			1,
			1,
			-1,
			1
		]), t.STATIC_DRAW), this.renderTargetAttribLocation_ = t.getAttribLocation(this.renderTargetProgram_, "a_position"), this.renderTargetUniformLocation_ = t.getUniformLocation(this.renderTargetProgram_, "u_screenSize"), this.renderTargetOpacityLocation_ = t.getUniformLocation(this.renderTargetProgram_, "u_opacity"), this.renderTargetTextureLocation_ = t.getUniformLocation(this.renderTargetProgram_, "u_image"), this.uniforms_ = [], e.uniforms && Object.keys(e.uniforms).forEach((n) => {
			this.uniforms_.push({
				value: e.uniforms[n],
				location: t.getUniformLocation(this.renderTargetProgram_, n)
			});
		});
	}
	getRenderTargetTexture() {
		return this.renderTargetTexture_;
	}
	getGL() {
		return this.gl_;
	}
	init(e) {
		let t = this.getGL(), n = [t.drawingBufferWidth * this.scaleRatio_, t.drawingBufferHeight * this.scaleRatio_];
		if (t.bindFramebuffer(t.FRAMEBUFFER, this.getFrameBuffer()), t.bindRenderbuffer(t.RENDERBUFFER, this.getDepthBuffer()), t.viewport(0, 0, n[0], n[1]), !this.renderTargetTextureSize_ || this.renderTargetTextureSize_[0] !== n[0] || this.renderTargetTextureSize_[1] !== n[1]) {
			this.renderTargetTextureSize_ = n;
			let e = t.RGBA, r = t.RGBA, i = t.UNSIGNED_BYTE;
			t.bindTexture(t.TEXTURE_2D, this.renderTargetTexture_), t.texImage2D(t.TEXTURE_2D, 0, e, n[0], n[1], 0, r, i, null), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_MIN_FILTER, t.LINEAR), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_S, t.CLAMP_TO_EDGE), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_T, t.CLAMP_TO_EDGE), t.framebufferTexture2D(t.FRAMEBUFFER, t.COLOR_ATTACHMENT0, t.TEXTURE_2D, this.renderTargetTexture_, 0), t.renderbufferStorage(t.RENDERBUFFER, t.DEPTH_COMPONENT16, n[0], n[1]), t.framebufferRenderbuffer(t.FRAMEBUFFER, t.DEPTH_ATTACHMENT, t.RENDERBUFFER, this.depthBuffer_);
		}
	}
	apply(e, t, n, r) {
		let i = this.getGL(), a = e.size;
		if (i.bindFramebuffer(i.FRAMEBUFFER, t ? t.getFrameBuffer() : null), i.activeTexture(i.TEXTURE0), i.bindTexture(i.TEXTURE_2D, this.renderTargetTexture_), !t) {
			let t = L(i.canvas);
			if (!e.renderTargets[t]) {
				let n = i.getContextAttributes();
				n && n.preserveDrawingBuffer && (i.clearColor(0, 0, 0, 0), i.clearDepth(1), i.clear(i.COLOR_BUFFER_BIT | i.DEPTH_BUFFER_BIT)), e.renderTargets[t] = !0;
			}
		}
		i.disable(i.DEPTH_TEST), i.enable(i.BLEND), i.blendFunc(i.ONE, i.ONE_MINUS_SRC_ALPHA), i.viewport(0, 0, i.drawingBufferWidth, i.drawingBufferHeight), i.bindBuffer(i.ARRAY_BUFFER, this.renderTargetVerticesBuffer_), i.useProgram(this.renderTargetProgram_), i.enableVertexAttribArray(this.renderTargetAttribLocation_), i.vertexAttribPointer(this.renderTargetAttribLocation_, 2, i.FLOAT, !1, 0, 0), i.uniform2f(this.renderTargetUniformLocation_, a[0], a[1]), i.uniform1i(this.renderTargetTextureLocation_, 0);
		let o = e.layerStatesArray[e.layerIndex].opacity;
		i.uniform1f(this.renderTargetOpacityLocation_, o), this.applyUniforms(e), n && n(i, e), i.drawArrays(i.TRIANGLES, 0, 6), r && r(i, e);
	}
	getFrameBuffer() {
		return this.frameBuffer_;
	}
	getDepthBuffer() {
		return this.depthBuffer_;
	}
	applyUniforms(e) {
		let t = this.getGL(), n, r = 1;
		this.uniforms_.forEach(function(i) {
			if (n = typeof i.value == "function" ? i.value(e) : i.value, n instanceof HTMLCanvasElement || n instanceof ImageData) i.texture ||= t.createTexture(), t.activeTexture(t[`TEXTURE${r}`]), t.bindTexture(t.TEXTURE_2D, i.texture), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_MIN_FILTER, t.LINEAR), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_S, t.CLAMP_TO_EDGE), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_T, t.CLAMP_TO_EDGE), n instanceof ImageData ? t.texImage2D(t.TEXTURE_2D, 0, t.RGBA, t.RGBA, n.width, n.height, 0, t.UNSIGNED_BYTE, new Uint8Array(n.data)) : t.texImage2D(t.TEXTURE_2D, 0, t.RGBA, t.RGBA, t.UNSIGNED_BYTE, n), t.uniform1i(i.location, r++);
			else if (Array.isArray(n)) switch (n.length) {
				case 2:
					t.uniform2f(i.location, n[0], n[1]);
					return;
				case 3:
					t.uniform3f(i.location, n[0], n[1], n[2]);
					return;
				case 4:
					t.uniform4f(i.location, n[0], n[1], n[2], n[3]);
					return;
				default: return;
			}
			else typeof n == "number" && t.uniform1f(i.location, n);
		});
	}
}, vh = {
	PROJECTION_MATRIX: "u_projectionMatrix",
	SCREEN_TO_WORLD_MATRIX: "u_screenToWorldMatrix",
	TIME: "u_time",
	ZOOM: "u_zoom",
	RESOLUTION: "u_resolution",
	ROTATION: "u_rotation",
	VIEWPORT_SIZE_PX: "u_viewportSizePx",
	PIXEL_RATIO: "u_pixelRatio",
	HIT_DETECTION: "u_hitDetection"
}, yh = {
	UNSIGNED_BYTE: rh,
	UNSIGNED_SHORT: ih,
	UNSIGNED_INT: ah,
	FLOAT: oh
}, bh = {};
function xh(e) {
	return "shared/" + e;
}
var Sh = 0;
function Ch() {
	let e = "unique/" + Sh;
	return Sh += 1, e;
}
function wh(e) {
	let t = bh[e];
	if (!t) {
		let n = document.createElement("canvas");
		n.width = 1, n.height = 1, n.style.position = "absolute", n.style.left = "0", t = {
			users: 0,
			context: ch(n)
		}, bh[e] = t;
	}
	return t.users += 1, t.context;
}
function Th(e) {
	let t = bh[e];
	if (!t || (--t.users, t.users > 0)) return;
	let n = t.context, r = n.getExtension("WEBGL_lose_context");
	r && r.loseContext();
	let i = n.canvas;
	i.width = 1, i.height = 1, delete bh[e];
}
var Eh = class extends _r {
	constructor(e) {
		super(), e ||= {}, this.boundHandleWebGLContextLost_ = this.handleWebGLContextLost.bind(this), this.boundHandleWebGLContextRestored_ = this.handleWebGLContextRestored.bind(this), this.canvasCacheKey_ = e.canvasCacheKey ? xh(e.canvasCacheKey) : Ch(), this.gl_ = wh(this.canvasCacheKey_), this.bufferCache_ = {}, this.extensionCache_ = {}, this.currentProgram_ = null, this.needsToBeRecreated_ = !1;
		let t = this.gl_.canvas;
		t.addEventListener(mh.LOST, this.boundHandleWebGLContextLost_), t.addEventListener(mh.RESTORED, this.boundHandleWebGLContextRestored_), this.offsetRotateMatrix_ = zr(), this.offsetScaleMatrix_ = zr(), this.tmpMat4_ = fh(), this.uniformLocationsByProgram_ = {}, this.attribLocationsByProgram_ = {}, this.uniforms_ = [], e.uniforms && this.setUniforms(e.uniforms), this.postProcessPasses_ = e.postProcesses ? e.postProcesses.map((e) => new _h({
			webGlContext: this.gl_,
			scaleRatio: e.scaleRatio,
			vertexShader: e.vertexShader,
			fragmentShader: e.fragmentShader,
			uniforms: e.uniforms
		})) : [new _h({ webGlContext: this.gl_ })], this.shaderCompileErrors_ = null, this.startTime_ = Date.now(), this.maxAttributeCount_ = this.gl_.getParameter(this.gl_.MAX_VERTEX_ATTRIBS);
	}
	setUniforms(e) {
		this.uniforms_ = [], this.addUniforms(e);
	}
	addUniforms(e) {
		for (let t in e) this.uniforms_.push({
			name: t,
			value: e[t]
		});
	}
	canvasCacheKeyMatches(e) {
		return this.canvasCacheKey_ === xh(e);
	}
	getExtension(e) {
		if (e in this.extensionCache_) return this.extensionCache_[e];
		let t = this.gl_.getExtension(e);
		return this.extensionCache_[e] = t, t;
	}
	getInstancedRenderingExtension_() {
		let e = this.getExtension("ANGLE_instanced_arrays");
		return V(!!e, "WebGL extension 'ANGLE_instanced_arrays' is required for vector rendering"), e;
	}
	bindBuffer(e) {
		let t = this.gl_, n = L(e), r = this.bufferCache_[n];
		r || (r = {
			buffer: e,
			webGlBuffer: t.createBuffer()
		}, this.bufferCache_[n] = r), t.bindBuffer(e.getType(), r.webGlBuffer);
	}
	flushBufferData(e) {
		let t = this.gl_;
		this.bindBuffer(e), t.bufferData(e.getType(), e.getArray(), e.getUsage());
	}
	deleteBuffer(e) {
		let t = L(e);
		delete this.bufferCache_[t];
	}
	disposeInternal() {
		let e = this.gl_.canvas;
		e.removeEventListener(mh.LOST, this.boundHandleWebGLContextLost_), e.removeEventListener(mh.RESTORED, this.boundHandleWebGLContextRestored_), Th(this.canvasCacheKey_), delete this.gl_;
	}
	prepareDraw(e, t, n) {
		let r = this.gl_, i = this.getCanvas(), a = e.size, o = e.pixelRatio;
		(i.width !== a[0] * o || i.height !== a[1] * o) && (i.width = a[0] * o, i.height = a[1] * o, i.style.width = a[0] + "px", i.style.height = a[1] + "px");
		for (let t = this.postProcessPasses_.length - 1; t >= 0; t--) this.postProcessPasses_[t].init(e);
		r.bindTexture(r.TEXTURE_2D, null), r.clearColor(0, 0, 0, 0), r.depthRange(0, 1), r.clearDepth(1), r.clear(r.COLOR_BUFFER_BIT | r.DEPTH_BUFFER_BIT), r.enable(r.BLEND), r.blendFunc(r.ONE, t ? r.ZERO : r.ONE_MINUS_SRC_ALPHA), n ? (r.enable(r.DEPTH_TEST), r.depthFunc(r.LEQUAL)) : r.disable(r.DEPTH_TEST);
	}
	bindFrameBuffer(e, t) {
		let n = this.getGL();
		n.bindFramebuffer(n.FRAMEBUFFER, e), t && n.framebufferTexture2D(n.FRAMEBUFFER, n.COLOR_ATTACHMENT0, n.TEXTURE_2D, t, 0);
	}
	bindInitialFrameBuffer() {
		let e = this.getGL(), t = this.postProcessPasses_[0].getFrameBuffer();
		e.bindFramebuffer(e.FRAMEBUFFER, t);
		let n = this.postProcessPasses_[0].getRenderTargetTexture();
		e.framebufferTexture2D(e.FRAMEBUFFER, e.COLOR_ATTACHMENT0, e.TEXTURE_2D, n, 0);
	}
	bindTexture(e, t, n) {
		let r = this.gl_;
		r.activeTexture(r.TEXTURE0 + t), r.bindTexture(r.TEXTURE_2D, e), r.uniform1i(this.getUniformLocation(n), t);
	}
	bindAttribute(e, t, n) {
		let r = this.getGL();
		this.bindBuffer(e);
		let i = this.getAttributeLocation(t);
		r.enableVertexAttribArray(i), r.vertexAttribPointer(i, n, r.FLOAT, !1, 0, 0);
	}
	prepareDrawToRenderTarget(e, t, n, r) {
		let i = this.gl_, a = t.getSize();
		i.bindFramebuffer(i.FRAMEBUFFER, t.getFramebuffer()), i.bindRenderbuffer(i.RENDERBUFFER, t.getDepthbuffer()), i.viewport(0, 0, a[0], a[1]), i.bindTexture(i.TEXTURE_2D, t.getTexture()), i.clearColor(0, 0, 0, 0), i.depthRange(0, 1), i.clearDepth(1), i.clear(i.COLOR_BUFFER_BIT | i.DEPTH_BUFFER_BIT), i.enable(i.BLEND), i.blendFunc(i.ONE, n ? i.ZERO : i.ONE_MINUS_SRC_ALPHA), r ? (i.enable(i.DEPTH_TEST), i.depthFunc(i.LEQUAL)) : i.disable(i.DEPTH_TEST);
	}
	drawElements(e, t) {
		let n = this.gl_;
		this.getExtension("OES_element_index_uint");
		let r = n.UNSIGNED_INT, i = t - e, a = e * 4;
		n.drawElements(n.TRIANGLES, i, r, a);
	}
	drawElementsInstanced(e, t, n) {
		let r = this.gl_;
		this.getExtension("OES_element_index_uint");
		let i = this.getInstancedRenderingExtension_(), a = r.UNSIGNED_INT, o = t - e, s = e * 4;
		i.drawElementsInstancedANGLE(r.TRIANGLES, o, a, s, n);
		for (let e = 0; e < this.maxAttributeCount_; e++) i.vertexAttribDivisorANGLE(e, 0);
	}
	finalizeDraw(e, t, n) {
		for (let r = 0, i = this.postProcessPasses_.length; r < i; r++) r === i - 1 ? this.postProcessPasses_[r].apply(e, null, t, n) : this.postProcessPasses_[r].apply(e, this.postProcessPasses_[r + 1]);
	}
	getCanvas() {
		return this.gl_.canvas;
	}
	getGL() {
		return this.gl_;
	}
	applyFrameState(e) {
		let t = e.size, n = e.viewState.rotation, r = e.pixelRatio;
		this.setUniformFloatValue(vh.TIME, (Date.now() - this.startTime_) * .001), this.setUniformFloatValue(vh.ZOOM, e.viewState.zoom), this.setUniformFloatValue(vh.RESOLUTION, e.viewState.resolution), this.setUniformFloatValue(vh.PIXEL_RATIO, r), this.setUniformFloatVec2(vh.VIEWPORT_SIZE_PX, [t[0], t[1]]), this.setUniformFloatValue(vh.ROTATION, n);
	}
	applyHitDetectionUniform(e) {
		let t = this.getUniformLocation(vh.HIT_DETECTION);
		this.getGL().uniform1i(t, +!!e), e && this.setUniformFloatValue(vh.PIXEL_RATIO, .5);
	}
	applyUniforms(e) {
		let t = this.gl_, n, r = 0;
		this.uniforms_.forEach((i) => {
			if (n = typeof i.value == "function" ? i.value(e) : i.value, n instanceof HTMLCanvasElement || n instanceof HTMLImageElement || n instanceof ImageData || n instanceof WebGLTexture) {
				n instanceof WebGLTexture && !i.texture ? (i.prevValue = void 0, i.texture = n) : i.texture ||= (i.prevValue = void 0, t.createTexture()), this.bindTexture(i.texture, r, i.name), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_MIN_FILTER, t.LINEAR), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_S, t.CLAMP_TO_EDGE), t.texParameteri(t.TEXTURE_2D, t.TEXTURE_WRAP_T, t.CLAMP_TO_EDGE);
				let e = !(n instanceof HTMLImageElement) || n.complete;
				!(n instanceof WebGLTexture) && e && i.prevValue !== n && (i.prevValue = n, t.texImage2D(t.TEXTURE_2D, 0, t.RGBA, t.RGBA, t.UNSIGNED_BYTE, n)), r++;
			} else if (Array.isArray(n) && n.length === 6) this.setUniformMatrixValue(i.name, ph(this.tmpMat4_, n));
			else if (Array.isArray(n) && n.length <= 4) switch (n.length) {
				case 2:
					t.uniform2f(this.getUniformLocation(i.name), n[0], n[1]);
					return;
				case 3:
					t.uniform3f(this.getUniformLocation(i.name), n[0], n[1], n[2]);
					return;
				case 4:
					t.uniform4f(this.getUniformLocation(i.name), n[0], n[1], n[2], n[3]);
					return;
				default: return;
			}
			else typeof n == "number" && t.uniform1f(this.getUniformLocation(i.name), n);
		});
	}
	useProgram(e, t) {
		this.disableAllAttributes_(), this.gl_.useProgram(e), this.currentProgram_ = e, t && (this.applyFrameState(t), this.applyUniforms(t));
	}
	compileShader(e, t) {
		let n = this.gl_, r = n.createShader(t);
		return n.shaderSource(r, e), n.compileShader(r), r;
	}
	getProgram(e, t) {
		let n = this.gl_, r = this.compileShader(e, n.FRAGMENT_SHADER), i = this.compileShader(t, n.VERTEX_SHADER), a = n.createProgram();
		if (n.attachShader(a, r), n.attachShader(a, i), n.linkProgram(a), !n.getShaderParameter(r, n.COMPILE_STATUS)) {
			let e = `Fragment shader compilation failed: ${n.getShaderInfoLog(r)}`;
			throw Error(e);
		}
		if (n.deleteShader(r), !n.getShaderParameter(i, n.COMPILE_STATUS)) {
			let e = `Vertex shader compilation failed: ${n.getShaderInfoLog(i)}`;
			throw Error(e);
		}
		if (n.deleteShader(i), !n.getProgramParameter(a, n.LINK_STATUS)) {
			let e = `GL program linking failed: ${n.getProgramInfoLog(a)}`;
			throw Error(e);
		}
		return a;
	}
	getUniformLocation(e) {
		let t = L(this.currentProgram_);
		return this.uniformLocationsByProgram_[t] === void 0 && (this.uniformLocationsByProgram_[t] = {}), this.uniformLocationsByProgram_[t][e] === void 0 && (this.uniformLocationsByProgram_[t][e] = this.gl_.getUniformLocation(this.currentProgram_, e)), this.uniformLocationsByProgram_[t][e];
	}
	getAttributeLocation(e) {
		let t = L(this.currentProgram_);
		return this.attribLocationsByProgram_[t] === void 0 && (this.attribLocationsByProgram_[t] = {}), this.attribLocationsByProgram_[t][e] === void 0 && (this.attribLocationsByProgram_[t][e] = this.gl_.getAttribLocation(this.currentProgram_, e)), this.attribLocationsByProgram_[t][e];
	}
	makeProjectionTransform(e, t) {
		let n = e.size, r = e.viewState.rotation, i = e.viewState.resolution, a = e.viewState.center;
		return Gr(t, 0, 0, 2 / (i * n[0]), 2 / (i * n[1]), -r, -a[0], -a[1]), t;
	}
	setUniformFloatValue(e, t) {
		this.gl_.uniform1f(this.getUniformLocation(e), t);
	}
	setUniformFloatVec2(e, t) {
		this.gl_.uniform2fv(this.getUniformLocation(e), t);
	}
	setUniformFloatVec4(e, t) {
		this.gl_.uniform4fv(this.getUniformLocation(e), t);
	}
	setUniformMatrixValue(e, t) {
		this.gl_.uniformMatrix4fv(this.getUniformLocation(e), !1, t);
	}
	disableAllAttributes_() {
		for (let e = 0; e < this.maxAttributeCount_; e++) this.gl_.disableVertexAttribArray(e);
	}
	enableAttributeArray_(e, t, n, r, i, a) {
		let o = this.getAttributeLocation(e);
		o < 0 || (this.gl_.enableVertexAttribArray(o), this.gl_.vertexAttribPointer(o, t, n, !1, r, i), a && this.getInstancedRenderingExtension_().vertexAttribDivisorANGLE(o, 1));
	}
	enableAttributes_(e, t) {
		let n = Dh(e), r = 0;
		for (let i = 0; i < e.length; i++) {
			let a = e[i];
			a.name && this.enableAttributeArray_(a.name, a.size, a.type || oh, n, r, t), r += a.size * Oh(a.type);
		}
	}
	enableAttributes(e) {
		this.enableAttributes_(e, !1);
	}
	enableAttributesInstanced(e) {
		this.enableAttributes_(e, !0);
	}
	handleWebGLContextLost(e) {
		Pt(this.bufferCache_), this.currentProgram_ = null, e.preventDefault();
	}
	handleWebGLContextRestored() {
		this.needsToBeRecreated_ = !0;
	}
	needsToBeRecreated() {
		return this.needsToBeRecreated_;
	}
	createTexture(e, t, n, r) {
		let i = this.gl_;
		n ||= i.createTexture();
		let a = r ? i.NEAREST : i.LINEAR;
		i.bindTexture(i.TEXTURE_2D, n), i.texParameteri(i.TEXTURE_2D, i.TEXTURE_MIN_FILTER, a), i.texParameteri(i.TEXTURE_2D, i.TEXTURE_MAG_FILTER, a), i.texParameteri(i.TEXTURE_2D, i.TEXTURE_WRAP_S, i.CLAMP_TO_EDGE), i.texParameteri(i.TEXTURE_2D, i.TEXTURE_WRAP_T, i.CLAMP_TO_EDGE);
		let o = i.RGBA, s = i.RGBA, c = i.UNSIGNED_BYTE;
		return t instanceof Uint8Array ? i.texImage2D(i.TEXTURE_2D, 0, o, e[0], e[1], 0, s, c, t) : t ? i.texImage2D(i.TEXTURE_2D, 0, o, s, c, t) : i.texImage2D(i.TEXTURE_2D, 0, o, e[0], e[1], 0, s, c, null), n;
	}
};
function Dh(e) {
	let t = 0;
	for (let n = 0; n < e.length; n++) {
		let r = e[n];
		t += r.size * Oh(r.type);
	}
	return t;
}
function Oh(e) {
	switch (e) {
		case yh.UNSIGNED_BYTE: return Uint8Array.BYTES_PER_ELEMENT;
		case yh.UNSIGNED_SHORT: return Uint16Array.BYTES_PER_ELEMENT;
		case yh.UNSIGNED_INT: return Uint32Array.BYTES_PER_ELEMENT;
		case yh.FLOAT:
		default: return Float32Array.BYTES_PER_ELEMENT;
	}
}
function kh() {
	let e = "function t(t,n,x=2){const o=n&&n.length,i=o?n[0]*x:t.length;let f=e(t,0,i,x,!0);const l=[];if(!f||f.next===f.prev)return l;let c,y,h;if(o&&(f=function(t,n,r,x){const o=[];for(let r=0,i=n.length;r<i;r++){const f=e(t,n[r]*x,r<i-1?n[r+1]*x:t.length,x,!1);f===f.next&&(f.steiner=!0),o.push(a(f))}o.sort(u);for(let t=0;t<o.length;t++)r=s(o[t],r);return r}(t,n,f,x)),t.length>80*x){c=t[0],y=t[1];let e=c,n=y;for(let r=x;r<i;r+=x){const x=t[r],o=t[r+1];x<c&&(c=x),o<y&&(y=o),x>e&&(e=x),o>n&&(n=o)}h=Math.max(e-c,n-y),h=0!==h?32767/h:0}return r(f,l,x,c,y,h,0),l}function e(t,e,n,r,x){let o;if(x===function(t,e,n,r){let x=0;for(let o=e,i=n-r;o<n;o+=r)x+=(t[i]-t[o])*(t[o+1]+t[i+1]),i=o;return x}(t,e,n,r)>0)for(let x=e;x<n;x+=r)o=d(x/r|0,t[x],t[x+1],o);else for(let x=n-r;x>=e;x-=r)o=d(x/r|0,t[x],t[x+1],o);return o&&b(o,o.next)&&(w(o),o=o.next),o}function n(t,e){if(!t)return t;e||(e=t);let n,r=t;do{if(n=!1,r.steiner||!b(r,r.next)&&0!==v(r.prev,r,r.next))r=r.next;else{if(w(r),r=e=r.prev,r===r.next)break;n=!0}}while(n||r!==e);return e}function r(t,e,u,s,l,a,y){if(!t)return;!y&&a&&function(t,e,n,r){let x=t;do{0===x.z&&(x.z=c(x.x,x.y,e,n,r)),x.prevZ=x.prev,x.nextZ=x.next,x=x.next}while(x!==t);x.prevZ.nextZ=null,x.prevZ=null,function(t){let e,n=1;do{let r,x=t;t=null;let o=null;for(e=0;x;){e++;let i=x,f=0;for(let t=0;t<n&&(f++,i=i.nextZ,i);t++);let u=n;for(;f>0||u>0&&i;)0!==f&&(0===u||!i||x.z<=i.z)?(r=x,x=x.nextZ,f--):(r=i,i=i.nextZ,u--),o?o.nextZ=r:t=r,r.prevZ=o,o=r;x=i}o.nextZ=null,n*=2}while(e>1)}(x)}(t,s,l,a);let h=t;for(;t.prev!==t.next;){const c=t.prev,p=t.next;if(a?o(t,s,l,a):x(t))e.push(c.i,t.i,p.i),w(t),t=p.next,h=p.next;else if((t=p)===h){y?1===y?r(t=i(n(t),e),e,u,s,l,a,2):2===y&&f(t,e,u,s,l,a):r(n(t),e,u,s,l,a,1);break}}}function x(t){const e=t.prev,n=t,r=t.next;if(v(e,n,r)>=0)return!1;const x=e.x,o=n.x,i=r.x,f=e.y,u=n.y,s=r.y,l=Math.min(x,o,i),c=Math.min(f,u,s),a=Math.max(x,o,i),y=Math.max(f,u,s);let p=r.next;for(;p!==e;){if(p.x>=l&&p.x<=a&&p.y>=c&&p.y<=y&&h(x,f,o,u,i,s,p.x,p.y)&&v(p.prev,p,p.next)>=0)return!1;p=p.next}return!0}function o(t,e,n,r){const x=t.prev,o=t,i=t.next;if(v(x,o,i)>=0)return!1;const f=x.x,u=o.x,s=i.x,l=x.y,a=o.y,y=i.y,p=Math.min(f,u,s),b=Math.min(l,a,y),M=Math.max(f,u,s),m=Math.max(l,a,y),A=c(p,b,e,n,r),g=c(M,m,e,n,r);let Z=t.prevZ,d=t.nextZ;for(;Z&&Z.z>=A&&d&&d.z<=g;){if(Z.x>=p&&Z.x<=M&&Z.y>=b&&Z.y<=m&&Z!==x&&Z!==i&&h(f,l,u,a,s,y,Z.x,Z.y)&&v(Z.prev,Z,Z.next)>=0)return!1;if(Z=Z.prevZ,d.x>=p&&d.x<=M&&d.y>=b&&d.y<=m&&d!==x&&d!==i&&h(f,l,u,a,s,y,d.x,d.y)&&v(d.prev,d,d.next)>=0)return!1;d=d.nextZ}for(;Z&&Z.z>=A;){if(Z.x>=p&&Z.x<=M&&Z.y>=b&&Z.y<=m&&Z!==x&&Z!==i&&h(f,l,u,a,s,y,Z.x,Z.y)&&v(Z.prev,Z,Z.next)>=0)return!1;Z=Z.prevZ}for(;d&&d.z<=g;){if(d.x>=p&&d.x<=M&&d.y>=b&&d.y<=m&&d!==x&&d!==i&&h(f,l,u,a,s,y,d.x,d.y)&&v(d.prev,d,d.next)>=0)return!1;d=d.nextZ}return!0}function i(t,e){let r=t;do{const n=r.prev,x=r.next.next;!b(n,x)&&M(n,r,r.next,x)&&g(n,x)&&g(x,n)&&(e.push(n.i,r.i,x.i),w(r),w(r.next),r=t=x),r=r.next}while(r!==t);return n(r)}function f(t,e,x,o,i,f){let u=t;do{let t=u.next.next;for(;t!==u.prev;){if(u.i!==t.i&&p(u,t)){let s=Z(u,t);return u=n(u,u.next),s=n(s,s.next),r(u,e,x,o,i,f,0),void r(s,e,x,o,i,f,0)}t=t.next}u=u.next}while(u!==t)}function u(t,e){let n=t.x-e.x;if(0===n&&(n=t.y-e.y,0===n)){n=(t.next.y-t.y)/(t.next.x-t.x)-(e.next.y-e.y)/(e.next.x-e.x)}return n}function s(t,e){const r=function(t,e){let n=e;const r=t.x,x=t.y;let o,i=-1/0;if(b(t,n))return n;do{if(b(t,n.next))return n.next;if(x<=n.y&&x>=n.next.y&&n.next.y!==n.y){const t=n.x+(x-n.y)*(n.next.x-n.x)/(n.next.y-n.y);if(t<=r&&t>i&&(i=t,o=n.x<n.next.x?n:n.next,t===r))return o}n=n.next}while(n!==e);if(!o)return null;const f=o,u=o.x,s=o.y;let c=1/0;n=o;do{if(r>=n.x&&n.x>=u&&r!==n.x&&y(x<s?r:i,x,u,s,x<s?i:r,x,n.x,n.y)){const e=Math.abs(x-n.y)/(r-n.x);g(n,t)&&(e<c||e===c&&(n.x>o.x||n.x===o.x&&l(o,n)))&&(o=n,c=e)}n=n.next}while(n!==f);return o}(t,e);if(!r)return e;const x=Z(r,t);return n(x,x.next),n(r,r.next)}function l(t,e){return v(t.prev,t,e.prev)<0&&v(e.next,t,t.next)<0}function c(t,e,n,r,x){return(t=1431655765&((t=858993459&((t=252645135&((t=16711935&((t=(t-n)*x|0)|t<<8))|t<<4))|t<<2))|t<<1))|(e=1431655765&((e=858993459&((e=252645135&((e=16711935&((e=(e-r)*x|0)|e<<8))|e<<4))|e<<2))|e<<1))<<1}function a(t){let e=t,n=t;do{(e.x<n.x||e.x===n.x&&e.y<n.y)&&(n=e),e=e.next}while(e!==t);return n}function y(t,e,n,r,x,o,i,f){return(x-i)*(e-f)>=(t-i)*(o-f)&&(t-i)*(r-f)>=(n-i)*(e-f)&&(n-i)*(o-f)>=(x-i)*(r-f)}function h(t,e,n,r,x,o,i,f){return!(t===i&&e===f)&&y(t,e,n,r,x,o,i,f)}function p(t,e){return t.next.i!==e.i&&t.prev.i!==e.i&&!function(t,e){let n=t;do{if(n.i!==t.i&&n.next.i!==t.i&&n.i!==e.i&&n.next.i!==e.i&&M(n,n.next,t,e))return!0;n=n.next}while(n!==t);return!1}(t,e)&&(g(t,e)&&g(e,t)&&function(t,e){let n=t,r=!1;const x=(t.x+e.x)/2,o=(t.y+e.y)/2;do{n.y>o!=n.next.y>o&&n.next.y!==n.y&&x<(n.next.x-n.x)*(o-n.y)/(n.next.y-n.y)+n.x&&(r=!r),n=n.next}while(n!==t);return r}(t,e)&&(v(t.prev,t,e.prev)||v(t,e.prev,e))||b(t,e)&&v(t.prev,t,t.next)>0&&v(e.prev,e,e.next)>0)}function v(t,e,n){return(e.y-t.y)*(n.x-e.x)-(e.x-t.x)*(n.y-e.y)}function b(t,e){return t.x===e.x&&t.y===e.y}function M(t,e,n,r){const x=A(v(t,e,n)),o=A(v(t,e,r)),i=A(v(n,r,t)),f=A(v(n,r,e));return x!==o&&i!==f||(!(0!==x||!m(t,n,e))||(!(0!==o||!m(t,r,e))||(!(0!==i||!m(n,t,r))||!(0!==f||!m(n,e,r)))))}function m(t,e,n){return e.x<=Math.max(t.x,n.x)&&e.x>=Math.min(t.x,n.x)&&e.y<=Math.max(t.y,n.y)&&e.y>=Math.min(t.y,n.y)}function A(t){return t>0?1:t<0?-1:0}function g(t,e){return v(t.prev,t,t.next)<0?v(t,e,t.next)>=0&&v(t,t.prev,e)>=0:v(t,e,t.prev)<0||v(t,t.next,e)<0}function Z(t,e){const n=F(t.i,t.x,t.y),r=F(e.i,e.x,e.y),x=t.next,o=e.prev;return t.next=e,e.prev=t,n.next=x,x.prev=n,r.next=n,n.prev=r,o.next=r,r.prev=o,r}function d(t,e,n,r){const x=F(t,e,n);return r?(x.next=r.next,x.prev=r,r.next.prev=x,r.next=x):(x.prev=x,x.next=x),x}function w(t){t.next.prev=t.prev,t.prev.next=t.next,t.prevZ&&(t.prevZ.nextZ=t.nextZ),t.nextZ&&(t.nextZ.prevZ=t.prevZ)}function F(t,e,n){return{i:t,x:e,y:n,prev:null,next:null,z:0,prevZ:null,nextZ:null,steiner:!1}}function E(t,e){const n=e[0],r=e[1];return e[0]=t[0]*n+t[2]*r+t[4],e[1]=t[1]*n+t[3]*r+t[5],e}function I(t,e){const n=(r=e)[0]*r[3]-r[1]*r[2];var r;!function(t,e){if(!t)throw new Error(e)}(0!==n,\"Transformation matrix cannot be inverted\");const x=e[0],o=e[1],i=e[2],f=e[3],u=e[4],s=e[5];return t[0]=f/n,t[1]=-o/n,t[2]=-i/n,t[3]=x/n,t[4]=(i*s-f*u)/n,t[5]=-(x*s-o*u)/n,t}new Array(6);const z=[],B={vertexAttributesPosition:0,instanceAttributesPosition:0,indicesPosition:0};function P(t,e,n,r,x){const o=t[e++],i=t[e++],f=z;f.length=r;for(let n=0;n<f.length;n++)f[n]=t[e+n];let u=x?x.instanceAttributesPosition:0;return n[u++]=o,n[u++]=i,f.length&&(n.set(f,u),u+=f.length),B.instanceAttributesPosition=u,B}function N(t,e,n,r,x,o,i,f,u,s){const l=[t[e],t[e+1]],c=[t[n],t[n+1]],a=t[e+2],y=t[n+2],h=E(f,[...l]),p=E(f,[...c]);function v(t,e,n){const r=Math.sqrt((e[0]-t[0])*(e[0]-t[0])+(e[1]-t[1])*(e[1]-t[1])),x=[(e[0]-t[0])/r,(e[1]-t[1])/r],o=[-x[1],x[0]],i=Math.sqrt((n[0]-t[0])*(n[0]-t[0])+(n[1]-t[1])*(n[1]-t[1])),f=[(n[0]-t[0])/i,(n[1]-t[1])/i];let u=0===r||0===i?0:Math.acos((s=f[0]*x[0]+f[1]*x[1],l=-1,c=1,Math.min(Math.max(s,l),c)));var s,l,c;u=Math.max(u,1e-5);return f[0]*o[0]+f[1]*o[1]>0?u:2*Math.PI-u}let b=-1,M=-1,m=s;const A=null!==x;if(null!==r){b=v(h,p,E(f,[...[t[r],t[r+1]]])),Math.cos(b)<=.985&&(m+=Math.tan((b-Math.PI)/2))}if(A){M=v(p,h,E(f,[...[t[x],t[x+1]]])),Math.cos(M)<=.985&&(m+=Math.tan((Math.PI-M)/2))}const g=Math.pow(2,24),Z=u%g,d=Math.floor(u/g)*g;return o.push(l[0],l[1],a,c[0],c[1],y,b,M,Z,d,s),o.push(...i),{length:u+Math.sqrt((p[0]-h[0])*(p[0]-h[0])+(p[1]-h[1])*(p[1]-h[1])),angle:m}}function R(e,n,r,x,o){const i=2+o;let f=n;const u=e.slice(f,f+o);f+=o;const s=e[f++];let l=0;const c=new Array(s-1);for(let t=0;t<s;t++)l+=e[f++],t<s-1&&(c[t]=l);const a=e.slice(f,f+2*l),y=t(a,c,2);for(let t=0;t<y.length;t++)x.push(y[t]+r.length/i);for(let t=0;t<a.length;t+=2)r.push(a[t],a[t+1],...u);return f+2*l}const S=\"GENERATE_POLYGON_BUFFERS\",T=\"GENERATE_POINT_BUFFERS\",_=\"GENERATE_LINE_STRING_BUFFERS\",O=self;O.onmessage=t=>{const e=t.data;switch(e.type){case T:{const t=2,n=2,r=e.customAttributesSize,x=n+r,o=new Float32Array(e.renderInstructions),i=o.length/x*(t+r),f=Uint32Array.from([0,1,3,1,2,3]),u=Float32Array.from([-1,-1,1,-1,1,1,-1,1]),s=new Float32Array(i);let l;for(let t=0;t<o.length;t+=x)l=P(o,t,s,r,l);const c=Object.assign({indicesBuffer:f.buffer,vertexAttributesBuffer:u.buffer,instanceAttributesBuffer:s.buffer,renderInstructions:o.buffer},e);O.postMessage(c,[u.buffer,s.buffer,f.buffer,o.buffer]);break}case _:{const t=[],n=e.customAttributesSize,r=3,x=new Float32Array(e.renderInstructions);let o=0;const i=[1,0,0,1,0,0];let f,u;for(I(i,e.renderInstructionsTransform);o<x.length;){u=Array.from(x.slice(o,o+n)),o+=n,f=x[o++];const e=o,s=o+(f-1)*r,l=x[e]===x[s]&&x[e+1]===x[s+1];let c=0,a=0;for(let n=0;n<f-1;n++){let y=null;n>0?y=o+(n-1)*r:l&&(y=s-r);let h=null;n<f-2?h=o+(n+2)*r:l&&(h=e+r);const p=N(x,o+n*r,o+(n+1)*r,y,h,t,u,i,c,a);c=p.length,a=p.angle}o+=f*r}const s=Uint32Array.from([0,1,3,1,2,3]),l=Float32Array.from([-1,-1,1,-1,1,1,-1,1]),c=Float32Array.from(t),a=Object.assign({indicesBuffer:s.buffer,vertexAttributesBuffer:l.buffer,instanceAttributesBuffer:c.buffer,renderInstructions:x.buffer},e);O.postMessage(a,[l.buffer,c.buffer,s.buffer,x.buffer]);break}case S:{const t=[],n=[],r=e.customAttributesSize,x=new Float32Array(e.renderInstructions);let o=0;for(;o<x.length;)o=R(x,o,t,n,r);const i=Uint32Array.from(n),f=Float32Array.from(t),u=Float32Array.from([]),s=Object.assign({indicesBuffer:i.buffer,vertexAttributesBuffer:f.buffer,instanceAttributesBuffer:u.buffer,renderInstructions:x.buffer},e);O.postMessage(s,[f.buffer,u.buffer,i.buffer,x.buffer]);break}}};";
	return new Worker(typeof Blob > "u" ? "data:application/javascript;base64," + Buffer.from(e, "binary").toString("base64") : URL.createObjectURL(new Blob([e], { type: "application/javascript" })));
}
var Ah = {
	GENERATE_POLYGON_BUFFERS: "GENERATE_POLYGON_BUFFERS",
	GENERATE_POINT_BUFFERS: "GENERATE_POINT_BUFFERS",
	GENERATE_LINE_STRING_BUFFERS: "GENERATE_LINE_STRING_BUFFERS"
};
function jh(e, t) {
	t ||= [];
	let n = Math.floor(e / 256 / 256 / 256) / 255, r = Math.floor(e / 256 / 256) % 256 / 255, i = Math.floor(e / 256) % 256 / 255, a = e % 256 / 255;
	return t[0] = n * 256 * 255 + r * 255, t[1] = i * 256 * 255 + a * 255, t;
}
function Mh(e) {
	let t = 0;
	return t += Math.round(e[0] * 256 * 256 * 256 * 255), t += Math.round(e[1] * 256 * 256 * 255), t += Math.round(e[2] * 256 * 255), t += Math.round(e[3] * 255), t;
}
function Nh(e) {
	return e instanceof Image || e instanceof HTMLCanvasElement || e instanceof HTMLVideoElement || e instanceof ImageBitmap ? e : null;
}
var Ph = /* @__PURE__ */ Error("disposed"), Fh = [256, 256], Ih = class extends cd {
	constructor(e) {
		let t = X.IDLE;
		super(e.tileCoord, t, {
			transition: e.transition,
			interpolate: e.interpolate
		}), this.loader_ = e.loader, this.data_ = null, this.error_ = null, this.size_ = e.size || null, this.controller_ = e.controller || null;
	}
	getSize() {
		if (this.size_) return this.size_;
		let e = Nh(this.data_);
		return e ? [e.width, e.height] : Fh;
	}
	getData() {
		return this.data_;
	}
	getError() {
		return this.error_;
	}
	load() {
		if (this.state !== X.IDLE && this.state !== X.ERROR) return;
		this.state = X.LOADING, this.changed();
		let e = this;
		this.loader_().then(function(t) {
			e.data_ = t, e.state = X.LOADED, e.changed();
		}).catch(function(t) {
			e.error_ = t, e.state = X.ERROR, e.changed();
		});
	}
	disposeInternal() {
		this.controller_ &&= (this.controller_.abort(Ph), null), super.disposeInternal();
	}
}, Lh, Rh = [];
function zh(e, t, n, r, i) {
	e.beginPath(), e.moveTo(0, 0), e.lineTo(t, n), e.lineTo(r, i), e.closePath(), e.save(), e.clip(), e.fillRect(0, 0, Math.max(t, r) + 1, Math.max(n, i)), e.restore();
}
function Bh(e, t) {
	return Math.abs(e[t * 4] - 210) > 2 || Math.abs(e[t * 4 + 3] - 191.25) > 2;
}
function Vh() {
	if (Lh === void 0) {
		let e = ba(6, 6, Rh);
		e.globalCompositeOperation = "lighter", e.fillStyle = "rgba(210, 0, 0, 0.75)", zh(e, 4, 5, 4, 0), zh(e, 4, 5, 0, 5);
		let t = e.getImageData(0, 0, 3, 3).data;
		Lh = Bh(t, 0) || Bh(t, 4) || Bh(t, 8), Ca(e), Rh.push(e.canvas);
	}
	return Lh;
}
function Hh(e, t, n, r) {
	let i = zn(n, t, e), a = On(t, r, n), o = t.getMetersPerUnit();
	o !== void 0 && (a *= o);
	let s = e.getMetersPerUnit();
	s !== void 0 && (a /= s);
	let c = e.getExtent();
	if (!c || he(c, i)) {
		let t = On(e, a, i) / a;
		isFinite(t) && t > 0 && (a /= t);
	}
	return a;
}
function Uh(e, t, n, r) {
	let i = Hh(e, t, Ne(n), r);
	return (!isFinite(i) || i <= 0) && ke(n, function(n) {
		return i = Hh(e, t, n, r), isFinite(i) && i > 0;
	}), i;
}
function Wh(e, t, n, r, i, a, o, s, c, l, u, d, f, p) {
	let m = ba(Math.round(n * e), Math.round(n * t), Rh);
	if (d || (m.imageSmoothingEnabled = !1), c.length === 0) return m.canvas;
	m.scale(n, n);
	function h(e) {
		return Math.round(e * n) / n;
	}
	m.globalCompositeOperation = "lighter";
	let g = ye();
	c.forEach(function(e, t, n) {
		Te(g, e.extent);
	});
	let _, v = n / r, y = (d ? 1 : 1 + 2 ** -24) / v;
	_ = ba(Math.round(F(g) * v), Math.round(Le(g) * v), Rh), d || (_.imageSmoothingEnabled = !1), c.forEach(function(e, t, n) {
		if (e.image.width > 0 && e.image.height > 0) {
			if (e.clipExtent) {
				_.save();
				let t = (e.clipExtent[0] - g[0]) * v, n = -(e.clipExtent[3] - g[3]) * v, r = F(e.clipExtent) * v, i = Le(e.clipExtent) * v;
				_.rect(d ? t : Math.round(t), d ? n : Math.round(n), d ? r : Math.round(t + r) - Math.round(t), d ? i : Math.round(n + i) - Math.round(n)), _.clip();
			}
			let t = (e.extent[0] - g[0]) * v, n = -(e.extent[3] - g[3]) * v, r = F(e.extent) * v, i = Le(e.extent) * v;
			_.drawImage(e.image, l, l, e.image.width - 2 * l, e.image.height - 2 * l, d ? t : Math.round(t), d ? n : Math.round(n), d ? r : Math.round(t + r) - Math.round(t), d ? i : Math.round(n + i) - Math.round(n)), e.clipExtent && _.restore();
		}
	});
	let b = ze(o);
	return s.getTriangles().forEach(function(e, t, n) {
		let r = e.source, i = e.target, o = r[0][0], s = r[0][1], l = r[1][0], u = r[1][1], f = r[2][0], p = r[2][1], v = h((i[0][0] - b[0]) / a), x = h(-(i[0][1] - b[1]) / a), S = h((i[1][0] - b[0]) / a), C = h(-(i[1][1] - b[1]) / a), w = h((i[2][0] - b[0]) / a), ee = h(-(i[2][1] - b[1]) / a), T = o, E = s;
		o = 0, s = 0, l -= T, u -= E, f -= T, p -= E;
		let D = Xe([
			[
				l,
				u,
				0,
				0,
				S - v
			],
			[
				f,
				p,
				0,
				0,
				w - v
			],
			[
				0,
				0,
				l,
				u,
				C - x
			],
			[
				0,
				0,
				f,
				p,
				ee - x
			]
		]);
		if (!D) return;
		if (m.save(), m.beginPath(), Vh() || !d) {
			m.moveTo(S, C);
			let e = v - S, t = x - C;
			for (let n = 0; n < 4; n++) m.lineTo(S + h((n + 1) * e / 4), C + h(n * t / 3)), n != 3 && m.lineTo(S + h((n + 1) * e / 4), C + h((n + 1) * t / 3));
			m.lineTo(w, ee);
		} else m.moveTo(S, C), m.lineTo(v, x), m.lineTo(w, ee);
		m.clip(), m.transform(D[0], D[2], D[1], D[3], v, x), m.translate(g[0] - T, g[3] - E);
		let O;
		if (_) O = _.canvas, m.scale(y, -y);
		else {
			let e = c[0], t = e.extent;
			O = e.image, m.scale(F(t) / O.width, -Le(t) / O.height);
		}
		m.drawImage(O, 0, 0), m.restore();
	}), _ && (Ca(_), Rh.push(_.canvas)), u && (m.save(), m.globalCompositeOperation = "source-over", m.strokeStyle = "black", m.lineWidth = 1, s.getTriangles().forEach(function(e, t, n) {
		let r = e.target, i = (r[0][0] - b[0]) / a, o = -(r[0][1] - b[1]) / a, s = (r[1][0] - b[0]) / a, c = -(r[1][1] - b[1]) / a, l = (r[2][0] - b[0]) / a, u = -(r[2][1] - b[1]) / a;
		m.beginPath(), m.moveTo(s, c), m.lineTo(i, o), m.lineTo(l, u), m.closePath(), m.stroke();
	}), m.restore()), m.canvas;
}
var Gh = 10, Kh = .25, qh = class {
	constructor(e, t, n, r, i, a, o) {
		this.sourceProj_ = e, this.targetProj_ = t;
		let s = {}, c = o ? Mn((e) => Ur(o, zn(e, this.targetProj_, this.sourceProj_))) : Rn(this.targetProj_, this.sourceProj_);
		this.transformInv_ = function(e) {
			let t = e[0] + "/" + e[1];
			return s[t] || (s[t] = c(e)), s[t];
		}, this.maxSourceExtent_ = r, this.errorThresholdSquared_ = i * i, this.triangles_ = [], this.wrapsXInSource_ = !1, this.canWrapXInSource_ = this.sourceProj_.canWrapX() && !!r && !!this.sourceProj_.getExtent() && F(r) >= F(this.sourceProj_.getExtent()), this.sourceWorldWidth_ = this.sourceProj_.getExtent() ? F(this.sourceProj_.getExtent()) : null, this.targetWorldWidth_ = this.targetProj_.getExtent() ? F(this.targetProj_.getExtent()) : null;
		let l = ze(n), u = Be(n), d = Me(n), f = je(n), p = this.transformInv_(l), m = this.transformInv_(u), h = this.transformInv_(d), g = this.transformInv_(f), _ = Gh + (a ? Math.max(0, Math.ceil(Math.log2(Ae(n) / (a * a * 256 * 256)))) : 0);
		if (this.addQuad_(l, u, d, f, p, m, h, g, _), this.wrapsXInSource_) {
			let e = 1 / 0;
			this.triangles_.forEach(function(t, n, r) {
				e = Math.min(e, t.source[0][0], t.source[1][0], t.source[2][0]);
			}), this.triangles_.forEach((t) => {
				if (Math.max(t.source[0][0], t.source[1][0], t.source[2][0]) - e > this.sourceWorldWidth_ / 2) {
					let n = [
						[t.source[0][0], t.source[0][1]],
						[t.source[1][0], t.source[1][1]],
						[t.source[2][0], t.source[2][1]]
					];
					n[0][0] - e > this.sourceWorldWidth_ / 2 && (n[0][0] -= this.sourceWorldWidth_), n[1][0] - e > this.sourceWorldWidth_ / 2 && (n[1][0] -= this.sourceWorldWidth_), n[2][0] - e > this.sourceWorldWidth_ / 2 && (n[2][0] -= this.sourceWorldWidth_);
					let r = Math.min(n[0][0], n[1][0], n[2][0]);
					Math.max(n[0][0], n[1][0], n[2][0]) - r < this.sourceWorldWidth_ / 2 && (t.source = n);
				}
			});
		}
		s = {};
	}
	addTriangle_(e, t, n, r, i, a) {
		this.triangles_.push({
			source: [
				r,
				i,
				a
			],
			target: [
				e,
				t,
				n
			]
		});
	}
	addQuad_(e, t, n, r, i, a, o, s, c) {
		let l = de([
			i,
			a,
			o,
			s
		]), u = this.sourceWorldWidth_ ? F(l) / this.sourceWorldWidth_ : null, d = this.sourceWorldWidth_, f = this.sourceProj_.canWrapX() && u > .5 && u < 1, p = !1;
		if (c > 0 && (this.targetProj_.isGlobal() && this.targetWorldWidth_ && (p = F(de([
			e,
			t,
			n,
			r
		])) / this.targetWorldWidth_ > Kh || p), !f && this.sourceProj_.isGlobal() && u && (p = u > Kh || p)), !p && this.maxSourceExtent_ && isFinite(l[0]) && isFinite(l[1]) && isFinite(l[2]) && isFinite(l[3]) && !Ve(l, this.maxSourceExtent_)) return;
		let m = 0;
		if (!p && (!isFinite(i[0]) || !isFinite(i[1]) || !isFinite(a[0]) || !isFinite(a[1]) || !isFinite(o[0]) || !isFinite(o[1]) || !isFinite(s[0]) || !isFinite(s[1]))) {
			if (c > 0) p = !0;
			else if (m = (!isFinite(i[0]) || !isFinite(i[1]) ? 8 : 0) + (!isFinite(a[0]) || !isFinite(a[1]) ? 4 : 0) + (!isFinite(o[0]) || !isFinite(o[1]) ? 2 : 0) + +(!isFinite(s[0]) || !isFinite(s[1])), m != 1 && m != 2 && m != 4 && m != 8) return;
		}
		if (c > 0) {
			if (!p) {
				let t = [(e[0] + n[0]) / 2, (e[1] + n[1]) / 2], r = this.transformInv_(t), a;
				a = f ? ($e(i[0], d) + $e(o[0], d)) / 2 - $e(r[0], d) : (i[0] + o[0]) / 2 - r[0];
				let s = (i[1] + o[1]) / 2 - r[1];
				p = a * a + s * s > this.errorThresholdSquared_;
			}
			if (p) {
				if (Math.abs(e[0] - n[0]) <= Math.abs(e[1] - n[1])) {
					let l = [(t[0] + n[0]) / 2, (t[1] + n[1]) / 2], u = this.transformInv_(l), d = [(r[0] + e[0]) / 2, (r[1] + e[1]) / 2], f = this.transformInv_(d);
					this.addQuad_(e, t, l, d, i, a, u, f, c - 1), this.addQuad_(d, l, n, r, f, u, o, s, c - 1);
				} else {
					let l = [(e[0] + t[0]) / 2, (e[1] + t[1]) / 2], u = this.transformInv_(l), d = [(n[0] + r[0]) / 2, (n[1] + r[1]) / 2], f = this.transformInv_(d);
					this.addQuad_(e, l, d, r, i, u, f, s, c - 1), this.addQuad_(l, t, n, d, u, a, o, f, c - 1);
				}
				return;
			}
		}
		if (f) {
			if (!this.canWrapXInSource_) return;
			this.wrapsXInSource_ = !0;
		}
		!(m & 11) && this.addTriangle_(e, n, r, i, o, s), !(m & 14) && this.addTriangle_(e, n, t, i, o, a), m && (!(m & 13) && this.addTriangle_(t, r, e, a, s, i), !(m & 7) && this.addTriangle_(t, r, n, a, s, o));
	}
	calculateSourceExtent() {
		let e = ye();
		return this.triangles_.forEach(function(t, n, r) {
			let i = t.source;
			Ee(e, i[0]), Ee(e, i[1]), Ee(e, i[2]);
		}), e;
	}
	getTriangles() {
		return this.triangles_;
	}
}, Jh = .5, Yh = class extends cd {
	constructor(e, t, n, r, i, a, o, s, c, l, u, d) {
		super(i, X.IDLE, d), this.renderEdges_ = u !== void 0 && u, this.pixelRatio_ = o, this.gutter_ = s, this.canvas_ = null, this.sourceTileGrid_ = t, this.targetTileGrid_ = r, this.wrappedTileCoord_ = a || i, this.sourceTiles_ = [], this.sourcesListenerKeys_ = null, this.sourceZ_ = 0, this.clipExtent_ = e.canWrapX() ? e.getExtent() : void 0;
		let f = r.getTileCoordExtent(this.wrappedTileCoord_), p = this.targetTileGrid_.getExtent(), m = this.sourceTileGrid_.getExtent(), h = p ? Re(f, p) : f;
		if (Ae(h) === 0) {
			this.state = X.EMPTY;
			return;
		}
		let g = e.getExtent();
		g && (m = m ? Re(m, g) : g);
		let _ = r.getResolution(this.wrappedTileCoord_[0]), v = Uh(e, n, h, _);
		if (!isFinite(v) || v <= 0) {
			this.state = X.EMPTY;
			return;
		}
		let y = l === void 0 ? Jh : l;
		if (this.triangulation_ = new qh(e, n, h, m, v * y, _), this.triangulation_.getTriangles().length === 0) {
			this.state = X.EMPTY;
			return;
		}
		this.sourceZ_ = t.getZForResolution(v);
		let b = this.triangulation_.calculateSourceExtent();
		if (m && (e.canWrapX() ? (b[1] = qe(b[1], m[1], m[3]), b[3] = qe(b[3], m[1], m[3])) : b = Re(b, m)), !Ae(b)) this.state = X.EMPTY;
		else {
			let n = 0, r = 0;
			e.canWrapX() && (n = F(g), r = Math.floor((b[0] - g[0]) / n)), Ke(b.slice(), e, !0).forEach((e) => {
				let i = t.getTileRangeForExtentAndZ(e, this.sourceZ_);
				for (let e = i.minX; e <= i.maxX; e++) for (let t = i.minY; t <= i.maxY; t++) {
					let i = c(this.sourceZ_, e, t, o);
					if (i) {
						let e = r * n;
						this.sourceTiles_.push({
							tile: i,
							offset: e
						});
					}
				}
				++r;
			}), this.sourceTiles_.length === 0 && (this.state = X.EMPTY);
		}
	}
	getImage() {
		return this.canvas_;
	}
	reproject_() {
		let e = [];
		if (this.sourceTiles_.forEach((t) => {
			let n = t.tile;
			if (n && n.getState() == X.LOADED) {
				let r = this.sourceTileGrid_.getTileCoordExtent(n.tileCoord);
				r[0] += t.offset, r[2] += t.offset;
				let i = this.clipExtent_?.slice();
				i && (i[0] += t.offset, i[2] += t.offset), e.push({
					extent: r,
					clipExtent: i,
					image: n.getImage()
				});
			}
		}), this.sourceTiles_.length = 0, e.length === 0) this.state = X.ERROR;
		else {
			let t = this.wrappedTileCoord_[0], n = this.targetTileGrid_.getTileSize(t), r = typeof n == "number" ? n : n[0], i = typeof n == "number" ? n : n[1], a = this.targetTileGrid_.getResolution(t), o = this.sourceTileGrid_.getResolution(this.sourceZ_), s = this.targetTileGrid_.getTileCoordExtent(this.wrappedTileCoord_);
			this.canvas_ = Wh(r, i, this.pixelRatio_, o, this.sourceTileGrid_.getExtent(), a, s, this.triangulation_, e, this.gutter_, this.renderEdges_, this.interpolate), this.state = X.LOADED;
		}
		this.changed();
	}
	load() {
		if (this.state == X.IDLE) {
			this.state = X.LOADING, this.changed();
			let e = 0;
			this.sourcesListenerKeys_ = [], this.sourceTiles_.forEach(({ tile: t }) => {
				let n = t.getState();
				if (n == X.IDLE || n == X.LOADING) {
					e++;
					let n = z(t, R.CHANGE, (r) => {
						let i = t.getState();
						(i == X.LOADED || i == X.ERROR || i == X.EMPTY) && (B(n), e--, e === 0 && (this.unlistenSources_(), this.reproject_()));
					});
					this.sourcesListenerKeys_.push(n);
				}
			}), e === 0 ? setTimeout(this.reproject_.bind(this), 0) : this.sourceTiles_.forEach(function({ tile: e }, t, n) {
				e.getState() == X.IDLE && e.load();
			});
		}
	}
	unlistenSources_() {
		this.sourcesListenerKeys_.forEach(B), this.sourcesListenerKeys_ = null;
	}
	release() {
		this.canvas_ &&= (Ca(this.canvas_.getContext("2d")), Rh.push(this.canvas_), null), super.release();
	}
}, Xh = class {
	constructor(e) {
		this.highWaterMark = e === void 0 ? 2048 : e, this.count_ = 0, this.entries_ = {}, this.oldest_ = null, this.newest_ = null;
	}
	deleteOldest() {
		let e = this.pop();
		e instanceof _r && e.dispose();
	}
	canExpireCache() {
		return this.highWaterMark > 0 && this.getCount() > this.highWaterMark;
	}
	expireCache(e) {
		for (; this.canExpireCache();) this.deleteOldest();
	}
	clear() {
		for (; this.oldest_;) this.deleteOldest();
	}
	containsKey(e) {
		return this.entries_.hasOwnProperty(e);
	}
	forEach(e) {
		let t = this.oldest_;
		for (; t;) e(t.value_, t.key_, this), t = t.newer;
	}
	get(e, t) {
		let n = this.entries_[e];
		return V(n !== void 0, "Tried to get a value for a key that does not exist in the cache"), n === this.newest_ || (n === this.oldest_ ? (this.oldest_ = this.oldest_.newer, this.oldest_.older = null) : (n.newer.older = n.older, n.older.newer = n.newer), n.newer = null, n.older = this.newest_, this.newest_.newer = n, this.newest_ = n), n.value_;
	}
	remove(e) {
		let t = this.entries_[e];
		return V(t !== void 0, "Tried to get a value for a key that does not exist in the cache"), t === this.newest_ ? (this.newest_ = t.older, this.newest_ && (this.newest_.newer = null)) : t === this.oldest_ ? (this.oldest_ = t.newer, this.oldest_ && (this.oldest_.older = null)) : (t.newer.older = t.older, t.older.newer = t.newer), delete this.entries_[e], --this.count_, t.value_;
	}
	getCount() {
		return this.count_;
	}
	getKeys() {
		let e = Array(this.count_), t = 0, n;
		for (n = this.newest_; n; n = n.older) e[t++] = n.key_;
		return e;
	}
	getValues() {
		let e = Array(this.count_), t = 0, n;
		for (n = this.newest_; n; n = n.older) e[t++] = n.value_;
		return e;
	}
	peekLast() {
		return this.oldest_.value_;
	}
	peekLastKey() {
		return this.oldest_.key_;
	}
	peekFirstKey() {
		return this.newest_.key_;
	}
	peek(e) {
		return this.entries_[e]?.value_;
	}
	pop() {
		let e = this.oldest_;
		return delete this.entries_[e.key_], e.newer && (e.newer.older = null), this.oldest_ = e.newer, this.oldest_ || (this.newest_ = null), --this.count_, e.value_;
	}
	replace(e, t) {
		this.get(e), this.entries_[e].value_ = t;
	}
	set(e, t) {
		V(!(e in this.entries_), "Tried to set a value for a key that is used already");
		let n = {
			key_: e,
			newer: null,
			older: this.newest_,
			value_: t
		};
		this.newest_ ? this.newest_.newer = n : this.oldest_ = n, this.newest_ = n, this.entries_[e] = n, ++this.count_;
	}
	setSize(e) {
		this.highWaterMark = e;
	}
};
function Zh(e, t, n, r) {
	return r === void 0 ? [
		e,
		t,
		n
	] : (r[0] = e, r[1] = t, r[2] = n, r);
}
function Qh(e, t, n) {
	return e + "/" + t + "/" + n;
}
function $h(e, t, n, r, i) {
	return `${L(e)},${t},${Qh(n, r, i)}`;
}
function eg(e) {
	return tg(e[0], e[1], e[2]);
}
function tg(e, t, n) {
	return (t << e) + n;
}
function ng(e, t) {
	let n = e[0], r = e[1], i = e[2];
	if (t.getMinZoom() > n || n > t.getMaxZoom()) return !1;
	let a = t.getFullTileRange(n);
	return !a || a.containsXY(r, i);
}
var rg = class e extends Jc {
	constructor(e, t) {
		super(e), t ||= {}, this.inversePixelTransform_ = zr(), this.postProcesses_ = t.postProcesses, this.uniforms_ = t.uniforms, this.helper, this.onMapChanged_ = () => {
			this.clearCache(), this.removeHelper();
		}, e.addChangeListener(Y.MAP, this.onMapChanged_), this.dispatchPreComposeEvent = this.dispatchPreComposeEvent.bind(this), this.dispatchPostComposeEvent = this.dispatchPostComposeEvent.bind(this);
	}
	dispatchPreComposeEvent(e, t) {
		let n = this.getLayer();
		if (n.hasListener(hs.PRECOMPOSE)) {
			let r = new Kc(hs.PRECOMPOSE, void 0, t, e);
			n.dispatchEvent(r);
		}
	}
	dispatchPostComposeEvent(e, t) {
		let n = this.getLayer();
		if (n.hasListener(hs.POSTCOMPOSE)) {
			let r = new Kc(hs.POSTCOMPOSE, void 0, t, e);
			n.dispatchEvent(r);
		}
	}
	reset(e) {
		this.uniforms_ = e.uniforms, this.helper && this.helper.setUniforms(this.uniforms_);
	}
	removeHelper() {
		this.helper && (this.helper.dispose(), delete this.helper);
	}
	prepareFrame(t) {
		if (this.getLayer().getRenderSource()) {
			let n = !0, r = -1, i;
			for (let a = 0, o = t.layerStatesArray.length; a < o; a++) {
				let o = t.layerStatesArray[a].layer, s = o.getRenderer();
				if (!(s instanceof e)) {
					n = !0;
					continue;
				}
				let c = o.getClassName();
				if ((n || c !== i) && (r += 1, n = !1), i = c, s === this) break;
			}
			let a = "map/" + t.mapId + "/group/" + r;
			this.helper && this.helper.canvasCacheKeyMatches(a) && !this.helper.needsToBeRecreated() || (this.removeHelper(), this.helper = new Eh({
				postProcesses: this.postProcesses_,
				uniforms: this.uniforms_,
				canvasCacheKey: a
			}), i && (this.helper.getCanvas().className = i), this.afterHelperCreated());
		}
		return this.prepareFrameInternal(t);
	}
	afterHelperCreated() {}
	prepareFrameInternal(e) {
		return !0;
	}
	clearCache() {}
	disposeInternal() {
		this.clearCache(), this.removeHelper(), this.getLayer()?.removeChangeListener(Y.MAP, this.onMapChanged_), super.disposeInternal();
	}
	dispatchRenderEvent_(e, t, n) {
		let r = this.getLayer();
		if (r.hasListener(e)) {
			Gr(this.inversePixelTransform_, 0, 0, n.pixelRatio, -n.pixelRatio, 0, 0, -n.size[1]);
			let i = new Kc(e, this.inversePixelTransform_, n, t);
			r.dispatchEvent(i);
		}
	}
	preRender(e, t) {
		this.dispatchRenderEvent_(hs.PRERENDER, e, t);
	}
	postRender(e, t) {
		this.dispatchRenderEvent_(hs.POSTRENDER, e, t);
	}
}, ig = {
	TILE_TEXTURE_ARRAY: "u_tileTextures",
	TEXTURE_PIXEL_WIDTH: "u_texturePixelWidth",
	TEXTURE_PIXEL_HEIGHT: "u_texturePixelHeight"
}, ag = class {
	constructor(e, t) {
		this.name = e, this.data = t, this.texture_ = null;
	}
	getTexture(e) {
		if (!this.texture_) {
			let t = e.createTexture();
			e.bindTexture(e.TEXTURE_2D, t), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_WRAP_S, e.CLAMP_TO_EDGE), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_WRAP_T, e.CLAMP_TO_EDGE), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_MIN_FILTER, e.NEAREST), e.texParameteri(e.TEXTURE_2D, e.TEXTURE_MAG_FILTER, e.NEAREST), e.texImage2D(e.TEXTURE_2D, 0, e.RGBA, this.data.length / 4, 1, 0, e.RGBA, e.UNSIGNED_BYTE, this.data), this.texture_ = t;
		}
		return this.texture_;
	}
	delete(e) {
		this.texture_ && e.deleteTexture(this.texture_), this.texture_ = null;
	}
};
function og(e, t) {
	return `operator_${e}_${Object.keys(t.functions).length}`;
}
function sg(e) {
	let t = e.toString();
	return t.includes(".") ? t : t + ".0";
}
function cg(e) {
	if (e.length < 2 || e.length > 4) throw Error("`formatArray` can only output `vec2`, `vec3` or `vec4` arrays.");
	return `vec${e.length}(${e.map(sg).join(", ")})`;
}
function lg(e) {
	let t = Za(e), n = t.length > 3 ? t[3] : 1;
	return cg([
		t[0] / 255,
		t[1] / 255,
		t[2] / 255,
		n
	]);
}
function ug(e) {
	return cg(Go(e));
}
var dg = {}, fg = 0;
function pg(e) {
	return e in dg || (dg[e] = fg++), dg[e];
}
function mg(e) {
	return sg(pg(e));
}
function hg(e) {
	return "u_var_" + e;
}
function gg() {
	return {
		variables: {},
		properties: {},
		functions: {},
		bandCount: 0,
		featureId: !1,
		geometryType: !1
	};
}
var _g = "getBandValue", vg = "u_paletteTextures", yg = "featureId", bg = "geometryType", xg = -9999999;
function Sg(e, t, n, r) {
	return wg(gl(e, t, n), t, r);
}
function Q(e) {
	return (t, n, r) => {
		let i = n.args.length, a = Array(i);
		for (let e = 0; e < i; ++e) a[e] = wg(n.args[e], r, t);
		return e(a, t);
	};
}
var Cg = {
	[G.Get]: (e, t) => {
		let n = t.args[0].value;
		n in e.properties || (e.properties[n] = {
			name: n,
			type: t.type
		});
		let r = "a_prop_" + n;
		return fl(t.type, tl) && (r = `(${r} > 0.0)`), r;
	},
	[G.Id]: (e) => (e.featureId = !0, "a_" + yg),
	[G.GeometryType]: (e) => (e.geometryType = !0, "a_" + bg),
	[G.LineMetric]: () => "currentLineMetric",
	[G.Var]: (e, t) => {
		let n = t.args[0].value;
		n in e.variables || (e.variables[n] = {
			name: n,
			type: t.type
		});
		let r = hg(n);
		return fl(t.type, tl) && (r = `(${r} > 0.0)`), r;
	},
	[G.Has]: (e, t) => {
		let n = t.args[0].value;
		return n in e.properties || (e.properties[n] = {
			name: n,
			type: t.type
		}), `(a_prop_${n} != ${sg(xg)})`;
	},
	[G.Resolution]: () => "u_resolution",
	[G.Zoom]: () => "u_zoom",
	[G.Time]: () => "u_time",
	[G.Any]: Q((e) => `(${e.join(" || ")})`),
	[G.All]: Q((e) => `(${e.join(" && ")})`),
	[G.Not]: Q(([e]) => `(!${e})`),
	[G.Equal]: Q(([e, t]) => `(${e} == ${t})`),
	[G.NotEqual]: Q(([e, t]) => `(${e} != ${t})`),
	[G.GreaterThan]: Q(([e, t]) => `(${e} > ${t})`),
	[G.GreaterThanOrEqualTo]: Q(([e, t]) => `(${e} >= ${t})`),
	[G.LessThan]: Q(([e, t]) => `(${e} < ${t})`),
	[G.LessThanOrEqualTo]: Q(([e, t]) => `(${e} <= ${t})`),
	[G.Multiply]: Q((e) => `(${e.join(" * ")})`),
	[G.Divide]: Q(([e, t]) => `(${e} / ${t})`),
	[G.Add]: Q((e) => `(${e.join(" + ")})`),
	[G.Subtract]: Q(([e, t]) => `(${e} - ${t})`),
	[G.Clamp]: Q(([e, t, n]) => `clamp(${e}, ${t}, ${n})`),
	[G.Mod]: Q(([e, t]) => `mod(${e}, ${t})`),
	[G.Pow]: Q(([e, t]) => `pow(${e}, ${t})`),
	[G.Abs]: Q(([e]) => `abs(${e})`),
	[G.Floor]: Q(([e]) => `floor(${e})`),
	[G.Ceil]: Q(([e]) => `ceil(${e})`),
	[G.Round]: Q(([e]) => `floor(${e} + 0.5)`),
	[G.Sin]: Q(([e]) => `sin(${e})`),
	[G.Cos]: Q(([e]) => `cos(${e})`),
	[G.Atan]: Q(([e, t]) => t === void 0 ? `atan(${e})` : `atan(${e}, ${t})`),
	[G.Sqrt]: Q(([e]) => `sqrt(${e})`),
	[G.Match]: Q((e) => {
		let t = e[0], n = e[e.length - 1], r = null;
		for (let i = e.length - 3; i >= 1; i -= 2) r = `(${t} == ${e[i]} ? ${e[i + 1]} : ${r || n})`;
		return r;
	}),
	[G.Between]: Q(([e, t, n]) => `(${e} >= ${t} && ${e} <= ${n})`),
	[G.Interpolate]: Q(([e, t, ...n]) => {
		let r = "";
		for (let i = 0; i < n.length - 2; i += 2) {
			let a = n[i], o = r || n[i + 1], s = n[i + 2], c = n[i + 3], l;
			l = e === sg(1) ? `(${t} - ${a}) / (${s} - ${a})` : `(pow(${e}, (${t} - ${a})) - 1.0) / (pow(${e}, (${s} - ${a})) - 1.0)`, r = `mix(${o}, ${c}, clamp(${l}, 0.0, 1.0))`;
		}
		return r;
	}),
	[G.Case]: Q((e) => {
		let t = e[e.length - 1], n = null;
		for (let r = e.length - 3; r >= 0; r -= 2) n = `(${e[r]} ? ${e[r + 1]} : ${n || t})`;
		return n;
	}),
	[G.In]: Q(([e, ...t], n) => {
		let r = og("in", n), i = [];
		for (let e = 0; e < t.length; e += 1) i.push(`  if (inputValue == ${t[e]}) { return true; }`);
		return n.functions[r] = `bool ${r}(float inputValue) {
${i.join("\n")}
  return false;
}`, `${r}(${e})`;
	}),
	[G.Array]: Q((e) => `vec${e.length}(${e.join(", ")})`),
	[G.Color]: Q((e) => {
		if (e.length === 1) return `vec4(vec3(${e[0]} / 255.0), 1.0)`;
		if (e.length === 2) return `vec4(vec3(${e[0]} / 255.0), ${e[1]})`;
		let t = e.slice(0, 3).map((e) => `${e} / 255.0`);
		if (e.length === 3) return `vec4(${t.join(", ")}, 1.0)`;
		let n = e[3];
		return `vec4(${t.join(", ")}, ${n})`;
	}),
	[G.Band]: Q(([e, t, n], r) => {
		if (!(_g in r.functions)) {
			let e = "", t = r.bandCount || 1;
			for (let n = 0; n < t; n++) {
				let r = Math.floor(n / 4), i = n % 4;
				n === t - 1 && i === 1 && (i = 3);
				let a = `${ig.TILE_TEXTURE_ARRAY}[${r}]`;
				e += `  if (band == ${n + 1}.0) {
    return texture2D(${a}, v_textureCoord + vec2(dx, dy))[${i}];
  }
`;
			}
			r.functions[_g] = `float getBandValue(float band, float xOffset, float yOffset) {
  float dx = xOffset / ${ig.TEXTURE_PIXEL_WIDTH};
  float dy = yOffset / ${ig.TEXTURE_PIXEL_HEIGHT};
${e}
}`;
		}
		return `${_g}(${e}, ${t ?? "0.0"}, ${n ?? "0.0"})`;
	}),
	[G.Palette]: (e, t) => {
		let [n, ...r] = t.args, i = r.length, a = new Uint8Array(i * 4);
		for (let e = 0; e < r.length; e++) {
			let t = Za(r[e].value), n = e * 4;
			a[n] = t[0], a[n + 1] = t[1], a[n + 2] = t[2], a[n + 3] = t[3] * 255;
		}
		e.paletteTextures ||= [];
		let o = `${vg}[${e.paletteTextures.length}]`, s = new ag(o, a);
		return e.paletteTextures.push(s), `texture2D(${o}, vec2((${wg(n, W, e)} + 0.5) / ${i}.0, 0.5))`;
	}
};
function wg(e, t, n) {
	if (e instanceof ml) {
		let r = Cg[e.operator];
		if (r === void 0) throw Error(`No compiler defined for this operator: ${JSON.stringify(e.operator)}`);
		return r(n, e, t);
	}
	if ((e.type & W) > 0) return sg(e.value);
	if ((e.type & tl) > 0) return e.value.toString();
	if ((e.type & nl) > 0) return mg(e.value.toString());
	if ((e.type & rl) > 0) return lg(e.value);
	if ((e.type & il) > 0) return cg(e.value);
	if ((e.type & al) > 0) return ug(e.value);
	throw Error(`Unexpected expression ${e.value} (expected type ${ul(t)})`);
}
function Tg(e, t, n, r) {
	let i = 0;
	for (let a in t) {
		let o = t[a], s = o.callback.call(n, n.feature), c = s?.[0] ?? s;
		c === xg && console.warn("The \"has\" operator might return false positives."), c === void 0 ? c = xg : c === null && (c = 0), e[r + i++] = c, o.size && o.size !== 1 && (e[r + i++] = s[1], !(o.size < 3) && (e[r + i++] = s[2], !(o.size < 4) && (e[r + i++] = s[3])));
	}
	return i;
}
function Eg(e) {
	return Object.keys(e).reduce((t, n) => t + (e[n].size || 1), 0);
}
function Dg(e, t, n, r) {
	let i = (2 + Eg(n)) * e.geometriesCount;
	t && t.length === i || (t = new Float32Array(i));
	let a = [], o = 0;
	for (let i in e.entries) {
		let s = e.entries[i];
		for (let e = 0, i = s.flatCoordss.length; e < i; e++) a[0] = s.flatCoordss[e][0], a[1] = s.flatCoordss[e][1], Ur(r, a), t[o++] = a[0], t[o++] = a[1], o += Tg(t, n, s, o);
	}
	return t;
}
function Og(e, t, n, r) {
	let i = 3 * e.verticesCount + (1 + Eg(n)) * e.geometriesCount;
	t && t.length === i || (t = new Float32Array(i));
	let a = [], o = 0;
	for (let i in e.entries) {
		let s = e.entries[i];
		for (let e = 0, i = s.flatCoordss.length; e < i; e++) {
			a.length = s.flatCoordss[e].length, Qr(s.flatCoordss[e], 0, a.length, 3, r, a, 3), o += Tg(t, n, s, o), t[o++] = a.length / 3;
			for (let e = 0, n = a.length; e < n; e += 3) t[o++] = a[e], t[o++] = a[e + 1], t[o++] = a[e + 2];
		}
	}
	return t;
}
function kg(e, t, n, r) {
	let i = 2 * e.verticesCount + (1 + Eg(n)) * e.geometriesCount + e.ringsCount;
	t && t.length === i || (t = new Float32Array(i));
	let a = [], o = 0;
	for (let i in e.entries) {
		let s = e.entries[i];
		for (let e = 0, i = s.flatCoordss.length; e < i; e++) {
			a.length = s.flatCoordss[e].length, Qr(s.flatCoordss[e], 0, a.length, 2, r, a), o += Tg(t, n, s, o), t[o++] = s.ringsVerticesCounts[e].length;
			for (let n = 0, r = s.ringsVerticesCounts[e].length; n < r; n++) t[o++] = s.ringsVerticesCounts[e][n];
			for (let e = 0, n = a.length; e < n; e += 2) t[o++] = a[e], t[o++] = a[e + 1];
		}
	}
	return t;
}
function Ag() {
	return {
		"fill-color": "rgba(255,255,255,0.4)",
		"stroke-color": "#3399CC",
		"stroke-width": 1.25,
		"circle-radius": 5,
		"circle-fill-color": "rgba(255,255,255,0.4)",
		"circle-stroke-width": 1.25,
		"circle-stroke-color": "#3399CC"
	};
}
var jg = .985;
function $(e, t, n) {
	return Sg(t, n, hl(), e);
}
function Mg(e) {
	let t = Za(e), n = t[0] * 256, r = t[1], i = t[2] * 256, a = Math.round(t[3] * 255);
	return [n + r, i + a];
}
var Ng = "vec4 unpackColor(vec2 packedColor) {\n  return vec4(\n    min(floor(packedColor[0] / 256.0) / 255.0, 1.0),\n    min(mod(packedColor[0], 256.0) / 255.0, 1.0),\n    min(floor(packedColor[1] / 256.0) / 255.0, 1.0),\n    min(mod(packedColor[1], 256.0) / 255.0, 1.0)\n  );\n}";
function Pg(e) {
	return e === rl || e === al ? 2 : e === il ? 4 : 1;
}
function Fg(e) {
	let t = Pg(e);
	return t > 1 ? `vec${t}` : "float";
}
function Ig(e, t) {
	for (let n in t.variables) {
		let r = t.variables[n], i = hg(r.name), a = Fg(r.type);
		r.type === rl && (a = "vec4"), e.addUniform(i, a);
	}
	for (let n in t.properties) {
		let r = t.properties[n], i = Fg(r.type), a = `a_prop_${r.name}`;
		r.type === rl ? e.addAttribute(a, i, `unpackColor(${a})`, "vec4") : e.addAttribute(a, i);
	}
	for (let n in t.functions) e.addVertexShaderFunction(t.functions[n]), e.addFragmentShaderFunction(t.functions[n]);
}
function Lg(e, t) {
	let n = {};
	for (let r in e.variables) {
		let i = e.variables[r], a = hg(i.name);
		n[a] = () => {
			let e = t[i.name];
			if (typeof e == "number") return e;
			if (typeof e == "boolean") return +!!e;
			if (i.type === rl) {
				let t = [...Za(e || "#eee")];
				return t[0] /= 255, t[1] /= 255, t[2] /= 255, t[3] ??= 1, t;
			}
			return typeof e == "string" ? pg(e) : e;
		};
	}
	return n;
}
function Rg(e) {
	let t = {};
	for (let n in e.properties) {
		let r = e.properties[n], i = (e) => {
			let t = e.get(r.name);
			return r.type === rl ? Mg([...Za(t || "#eee")]) : typeof t == "string" ? pg(t) : typeof t == "boolean" ? +!!t : t;
		};
		t[`prop_${r.name}`] = {
			size: Pg(r.type),
			callback: i
		};
	}
	return t;
}
var zg = `#ifdef GL_FRAGMENT_PRECISION_HIGH
precision highp float;
#else
precision mediump float;
#endif
uniform mat4 u_projectionMatrix;
uniform mat4 u_screenToWorldMatrix;
uniform vec2 u_viewportSizePx;
uniform float u_pixelRatio;
uniform float u_globalAlpha;
uniform float u_time;
uniform float u_zoom;
uniform float u_resolution;
uniform float u_rotation;
uniform vec4 u_renderExtent;
uniform vec2 u_patternOrigin;
uniform float u_depth;
uniform mediump int u_hitDetection;

const float PI = 3.141592653589793238;
const float TWO_PI = 2.0 * PI;
float currentLineMetric = 0.; // an actual value will be used in the stroke shaders

${Ng}
`, Bg = Ag(), Vg = class {
	constructor() {
		this.uniforms_ = [], this.attributes_ = [], this.hasSymbol_ = !1, this.symbolSizeExpression_ = `vec2(${sg(Bg["circle-radius"])} + ${sg(Bg["circle-stroke-width"] * .5)})`, this.symbolRotationExpression_ = "0.0", this.symbolOffsetExpression_ = "vec2(0.0)", this.symbolColorExpression_ = lg(Bg["circle-fill-color"]), this.texCoordExpression_ = "vec4(0.0, 0.0, 1.0, 1.0)", this.discardExpression_ = "false", this.symbolRotateWithView_ = !1, this.hasStroke_ = !1, this.strokeWidthExpression_ = sg(Bg["stroke-width"]), this.strokeColorExpression_ = lg(Bg["stroke-color"]), this.strokeOffsetExpression_ = "0.", this.strokeCapExpression_ = mg("round"), this.strokeJoinExpression_ = mg("round"), this.strokeMiterLimitExpression_ = "10.", this.strokeDistanceFieldExpression_ = "-1000.", this.strokePatternLengthExpression_ = null, this.hasFill_ = !1, this.fillColorExpression_ = lg(Bg["fill-color"]), this.vertexShaderFunctions_ = [], this.fragmentShaderFunctions_ = [];
	}
	addUniform(e, t) {
		return this.uniforms_.push({
			name: e,
			type: t
		}), this;
	}
	addAttribute(e, t, n, r) {
		return this.attributes_.push({
			name: e,
			type: t,
			varyingName: e.replace(/^a_/, "v_"),
			varyingType: r ?? t,
			varyingExpression: n ?? e
		}), this;
	}
	setSymbolSizeExpression(e) {
		return this.hasSymbol_ = !0, this.symbolSizeExpression_ = e, this;
	}
	getSymbolSizeExpression() {
		return this.symbolSizeExpression_;
	}
	setSymbolRotationExpression(e) {
		return this.symbolRotationExpression_ = e, this;
	}
	setSymbolOffsetExpression(e) {
		return this.symbolOffsetExpression_ = e, this;
	}
	getSymbolOffsetExpression() {
		return this.symbolOffsetExpression_;
	}
	setSymbolColorExpression(e) {
		return this.hasSymbol_ = !0, this.symbolColorExpression_ = e, this;
	}
	getSymbolColorExpression() {
		return this.symbolColorExpression_;
	}
	setTextureCoordinateExpression(e) {
		return this.texCoordExpression_ = e, this;
	}
	setFragmentDiscardExpression(e) {
		return this.discardExpression_ = e, this;
	}
	getFragmentDiscardExpression() {
		return this.discardExpression_;
	}
	setSymbolRotateWithView(e) {
		return this.symbolRotateWithView_ = e, this;
	}
	setStrokeWidthExpression(e) {
		return this.hasStroke_ = !0, this.strokeWidthExpression_ = e, this;
	}
	setStrokeColorExpression(e) {
		return this.hasStroke_ = !0, this.strokeColorExpression_ = e, this;
	}
	getStrokeColorExpression() {
		return this.strokeColorExpression_;
	}
	setStrokeOffsetExpression(e) {
		return this.strokeOffsetExpression_ = e, this;
	}
	setStrokeCapExpression(e) {
		return this.strokeCapExpression_ = e, this;
	}
	setStrokeJoinExpression(e) {
		return this.strokeJoinExpression_ = e, this;
	}
	setStrokeMiterLimitExpression(e) {
		return this.strokeMiterLimitExpression_ = e, this;
	}
	setStrokeDistanceFieldExpression(e) {
		return this.strokeDistanceFieldExpression_ = e, this;
	}
	setStrokePatternLengthExpression(e) {
		return this.strokePatternLengthExpression_ = e, this;
	}
	getStrokePatternLengthExpression() {
		return this.strokePatternLengthExpression_;
	}
	setFillColorExpression(e) {
		return this.hasFill_ = !0, this.fillColorExpression_ = e, this;
	}
	getFillColorExpression() {
		return this.fillColorExpression_;
	}
	addVertexShaderFunction(e) {
		return this.vertexShaderFunctions_.includes(e) || this.vertexShaderFunctions_.push(e), this;
	}
	addFragmentShaderFunction(e) {
		return this.fragmentShaderFunctions_.includes(e) || this.fragmentShaderFunctions_.push(e), this;
	}
	getSymbolVertexShader() {
		return this.hasSymbol_ ? `${zg}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join("\n")}
attribute vec2 a_position;
attribute vec2 a_localPosition;
attribute vec2 a_hitColor;

varying vec2 v_texCoord;
varying vec2 v_quadCoord;
varying vec4 v_hitColor;
varying vec2 v_centerPx;
varying float v_angle;
varying vec2 v_quadSizePx;

${this.attributes_.map((e) => `attribute ${e.type} ${e.name};
varying ${e.varyingType} ${e.varyingName};`).join("\n")}
${this.vertexShaderFunctions_.join("\n")}
vec2 pxToScreen(vec2 coordPx) {
  vec2 scaled = coordPx / u_viewportSizePx / 0.5;
  return scaled;
}

vec2 screenToPx(vec2 coordScreen) {
  return (coordScreen * 0.5 + 0.5) * u_viewportSizePx;
}

void main(void) {
  v_quadSizePx = ${this.symbolSizeExpression_};
  vec2 halfSizePx = v_quadSizePx * 0.5;
  vec2 centerOffsetPx = ${this.symbolOffsetExpression_};
  vec2 offsetPx = centerOffsetPx + a_localPosition * halfSizePx * vec2(1., -1.);
  float angle = ${this.symbolRotationExpression_}${this.symbolRotateWithView_ ? " + u_rotation" : ""};
  float c = cos(-angle);
  float s = sin(-angle);
  offsetPx = vec2(c * offsetPx.x - s * offsetPx.y, s * offsetPx.x + c * offsetPx.y);
  vec4 center = u_projectionMatrix * vec4(a_position, 0.0, 1.0);
  gl_Position = center + vec4(pxToScreen(offsetPx), u_depth, 0.);
  vec4 texCoord = ${this.texCoordExpression_};
  float u = mix(texCoord.s, texCoord.p, a_localPosition.x * 0.5 + 0.5);
  float v = mix(texCoord.t, texCoord.q, a_localPosition.y * 0.5 + 0.5);
  v_texCoord = vec2(u, v);
  v_hitColor = unpackColor(a_hitColor);
  v_angle = angle;
  c = cos(-v_angle);
  s = sin(-v_angle);
  centerOffsetPx = vec2(c * centerOffsetPx.x - s * centerOffsetPx.y, s * centerOffsetPx.x + c * centerOffsetPx.y);
  v_centerPx = screenToPx(center.xy) + centerOffsetPx;
${this.attributes_.map((e) => `  ${e.varyingName} = ${e.varyingExpression};`).join("\n")}
}` : null;
	}
	getSymbolFragmentShader() {
		return this.hasSymbol_ ? `${zg}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join("\n")}
varying vec2 v_texCoord;
varying vec4 v_hitColor;
varying vec2 v_centerPx;
varying float v_angle;
varying vec2 v_quadSizePx;
${this.attributes_.map((e) => `varying ${e.varyingType} ${e.varyingName};`).join("\n")}
${this.fragmentShaderFunctions_.join("\n")}

void main(void) {
${this.attributes_.map((e) => `  ${e.varyingType} ${e.name} = ${e.varyingName}; // assign to original attribute name`).join("\n")}
  if (${this.discardExpression_}) { discard; }
  vec2 coordsPx = gl_FragCoord.xy / u_pixelRatio - v_centerPx; // relative to center
  float c = cos(v_angle);
  float s = sin(v_angle);
  coordsPx = vec2(c * coordsPx.x - s * coordsPx.y, s * coordsPx.x + c * coordsPx.y);
  gl_FragColor = ${this.symbolColorExpression_};
  gl_FragColor.rgb *= gl_FragColor.a;
  if (u_hitDetection > 0) {
    if (gl_FragColor.a < 0.05) { discard; };
    gl_FragColor = v_hitColor;
  }
}` : null;
	}
	getStrokeVertexShader() {
		return this.hasStroke_ ? `${zg}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join("\n")}
attribute vec2 a_segmentStart;
attribute vec2 a_segmentEnd;
attribute vec2 a_localPosition;
attribute float a_measureStart;
attribute float a_measureEnd;
attribute float a_angleTangentSum;
attribute float a_distanceLow;
attribute float a_distanceHigh;
attribute vec2 a_joinAngles;
attribute vec2 a_hitColor;

varying vec2 v_segmentStartPx;
varying vec2 v_segmentEndPx;
varying float v_angleStart;
varying float v_angleEnd;
varying float v_width;
varying vec4 v_hitColor;
varying float v_distancePx;
varying float v_measureStart;
varying float v_measureEnd;

${this.attributes_.map((e) => `attribute ${e.type} ${e.name};
varying ${e.varyingType} ${e.varyingName};`).join("\n")}
${this.vertexShaderFunctions_.join("\n")}
vec2 worldToPx(vec2 worldPos) {
  vec4 screenPos = u_projectionMatrix * vec4(worldPos, 0.0, 1.0);
  return (0.5 * screenPos.xy + 0.5) * u_viewportSizePx;
}

vec4 pxToScreen(vec2 pxPos) {
  vec2 screenPos = 2.0 * pxPos / u_viewportSizePx - 1.0;
  return vec4(screenPos, u_depth, 1.0);
}

bool isCap(float joinAngle) {
  return joinAngle < -0.1;
}

vec2 getJoinOffsetDirection(vec2 normalPx, float joinAngle) {
  float halfAngle = joinAngle / 2.0;
  float c = cos(halfAngle);
  float s = sin(halfAngle);
  vec2 angleBisectorNormal = vec2(s * normalPx.x + c * normalPx.y, -c * normalPx.x + s * normalPx.y);
  float length = 1.0 / s;
  return angleBisectorNormal * length;
}

vec2 getOffsetPoint(vec2 point, vec2 normal, float joinAngle, float offsetPx) {
  // if on a cap or the join angle is too high, offset the line along the segment normal
  if (cos(joinAngle) > 0.998 || isCap(joinAngle)) {
    return point - normal * offsetPx;
  }
  // offset is applied along the inverted normal (positive offset goes "right" relative to line direction)
  return point - getJoinOffsetDirection(normal, joinAngle) * offsetPx;
}

void main(void) {
  v_angleStart = a_joinAngles.x;
  v_angleEnd = a_joinAngles.y;
  float startEndRatio = a_localPosition.x * 0.5 + 0.5;
  currentLineMetric = mix(a_measureStart, a_measureEnd, startEndRatio);
  // we're reading the fractional part while keeping the sign (so -4.12 gives -0.12, 3.45 gives 0.45)

  float lineWidth = ${this.strokeWidthExpression_};
  float lineOffsetPx = ${this.strokeOffsetExpression_};

  // compute segment start/end in px with offset
  vec2 segmentStartPx = worldToPx(a_segmentStart);
  vec2 segmentEndPx = worldToPx(a_segmentEnd);
  vec2 tangentPx = normalize(segmentEndPx - segmentStartPx);
  vec2 normalPx = vec2(-tangentPx.y, tangentPx.x);
  segmentStartPx = getOffsetPoint(segmentStartPx, normalPx, v_angleStart, lineOffsetPx),
  segmentEndPx = getOffsetPoint(segmentEndPx, normalPx, v_angleEnd, lineOffsetPx);

  // compute current vertex position
  float normalDir = -1. * a_localPosition.y;
  float tangentDir = -1. * a_localPosition.x;
  float angle = mix(v_angleStart, v_angleEnd, startEndRatio);
  vec2 joinDirection;
  vec2 positionPx = mix(segmentStartPx, segmentEndPx, startEndRatio);
  // if angle is too high, do not make a proper join
  if (cos(angle) > ${jg} || isCap(angle)) {
    joinDirection = normalPx * normalDir - tangentPx * tangentDir;
  } else {
    joinDirection = getJoinOffsetDirection(normalPx * normalDir, angle);
  }
  positionPx = positionPx + joinDirection * (lineWidth * 0.5 + 1.); // adding 1 pixel for antialiasing
  gl_Position = pxToScreen(positionPx);

  v_segmentStartPx = segmentStartPx;
  v_segmentEndPx = segmentEndPx;
  v_width = lineWidth;
  v_hitColor = unpackColor(a_hitColor);

  v_distancePx = a_distanceLow / u_resolution - (lineOffsetPx * a_angleTangentSum);
  float distanceHighPx = a_distanceHigh / u_resolution;
  ${this.strokePatternLengthExpression_ === null ? "" : `v_distancePx = mod(v_distancePx, ${this.strokePatternLengthExpression_});
  distanceHighPx = mod(distanceHighPx, ${this.strokePatternLengthExpression_});
  `}v_distancePx += distanceHighPx;

  v_measureStart = a_measureStart;
  v_measureEnd = a_measureEnd;
${this.attributes_.map((e) => `  ${e.varyingName} = ${e.varyingExpression};`).join("\n")}
}` : null;
	}
	getStrokeFragmentShader() {
		return this.hasStroke_ ? `${zg}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join("\n")}
varying vec2 v_segmentStartPx;
varying vec2 v_segmentEndPx;
varying float v_angleStart;
varying float v_angleEnd;
varying float v_width;
varying vec4 v_hitColor;
varying float v_distancePx;
varying float v_measureStart;
varying float v_measureEnd;
${this.attributes_.map((e) => `varying ${e.varyingType} ${e.varyingName};`).join("\n")}
${this.fragmentShaderFunctions_.join("\n")}

vec2 pxToWorld(vec2 pxPos) {
  vec2 screenPos = 2.0 * pxPos / u_viewportSizePx - 1.0;
  return (u_screenToWorldMatrix * vec4(screenPos, 0.0, 1.0)).xy;
}

bool isCap(float joinAngle) {
  return joinAngle < -0.1;
}

float segmentDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  vec2 tangent = normalize(end - start);
  vec2 normal = vec2(-tangent.y, tangent.x);
  vec2 startToPoint = point - start;
  return abs(dot(startToPoint, normal)) - width * 0.5;
}

float buttCapDistanceField(vec2 point, vec2 start, vec2 end) {
  vec2 startToPoint = point - start;
  vec2 tangent = normalize(end - start);
  return dot(startToPoint, -tangent);
}

float squareCapDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  return buttCapDistanceField(point, start, end) - width * 0.5;
}

float roundCapDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  float onSegment = max(0., 1000. * dot(point - start, end - start)); // this is very high when inside the segment
  return length(point - start) - width * 0.5 - onSegment;
}

float roundJoinDistanceField(vec2 point, vec2 start, vec2 end, float width) {
  return roundCapDistanceField(point, start, end, width);
}

float bevelJoinField(vec2 point, vec2 start, vec2 end, float width, float joinAngle) {
  vec2 startToPoint = point - start;
  vec2 tangent = normalize(end - start);
  float c = cos(joinAngle * 0.5);
  float s = sin(joinAngle * 0.5);
  float direction = -sign(sin(joinAngle));
  vec2 bisector = vec2(c * tangent.x - s * tangent.y, s * tangent.x + c * tangent.y);
  float radius = width * 0.5 * s;
  return dot(startToPoint, bisector * direction) - radius;
}

float miterJoinDistanceField(vec2 point, vec2 start, vec2 end, float width, float joinAngle) {
  if (cos(joinAngle) > ${jg}) { // avoid risking a division by zero
    return bevelJoinField(point, start, end, width, joinAngle);
  }
  float miterLength = 1. / sin(joinAngle * 0.5);
  float miterLimit = ${this.strokeMiterLimitExpression_};
  if (miterLength > miterLimit) {
    return bevelJoinField(point, start, end, width, joinAngle);
  }
  return -1000.;
}

float capDistanceField(vec2 point, vec2 start, vec2 end, float width, float capType) {
   if (capType == ${mg("butt")}) {
    return buttCapDistanceField(point, start, end);
  } else if (capType == ${mg("square")}) {
    return squareCapDistanceField(point, start, end, width);
  }
  return roundCapDistanceField(point, start, end, width);
}

float joinDistanceField(vec2 point, vec2 start, vec2 end, float width, float joinAngle, float joinType) {
  if (joinType == ${mg("bevel")}) {
    return bevelJoinField(point, start, end, width, joinAngle);
  } else if (joinType == ${mg("miter")}) {
    return miterJoinDistanceField(point, start, end, width, joinAngle);
  }
  return roundJoinDistanceField(point, start, end, width);
}

float computeSegmentPointDistance(vec2 point, vec2 start, vec2 end, float width, float joinAngle, float capType, float joinType) {
  if (isCap(joinAngle)) {
    return capDistanceField(point, start, end, width, capType);
  }
  return joinDistanceField(point, start, end, width, joinAngle, joinType);
}

float distanceFromSegment(vec2 point, vec2 start, vec2 end) {
  vec2 tangent = end - start;
  vec2 startToPoint = point - start;
  // inspire by capsule fn in https://iquilezles.org/articles/distfunctions/
  float h = clamp(dot(startToPoint, tangent) / dot(tangent, tangent), 0.0, 1.0);
  return length(startToPoint - tangent * h);
}

void main(void) {
${this.attributes_.map((e) => `  ${e.varyingType} ${e.name} = ${e.varyingName}; // assign to original attribute name`).join("\n")}

  vec2 currentPointPx = gl_FragCoord.xy / u_pixelRatio;
  #ifdef GL_FRAGMENT_PRECISION_HIGH
  vec2 worldPos = pxToWorld(currentPointPx);
  if (
    abs(u_renderExtent[0] - u_renderExtent[2]) > 0.0 && (
      worldPos[0] < u_renderExtent[0] ||
      worldPos[1] < u_renderExtent[1] ||
      worldPos[0] > u_renderExtent[2] ||
      worldPos[1] > u_renderExtent[3]
    )
  ) {
    discard;
  }
  #endif

  float segmentLengthPx = length(v_segmentEndPx - v_segmentStartPx);
  segmentLengthPx = max(segmentLengthPx, 1.17549429e-38); // avoid divide by zero
  vec2 segmentTangent = (v_segmentEndPx - v_segmentStartPx) / segmentLengthPx;
  vec2 segmentNormal = vec2(-segmentTangent.y, segmentTangent.x);
  vec2 startToPointPx = currentPointPx - v_segmentStartPx;
  float lengthToPointPx = max(0., min(dot(segmentTangent, startToPointPx), segmentLengthPx));
  float currentLengthPx = lengthToPointPx + v_distancePx;
  float currentRadiusPx = distanceFromSegment(currentPointPx, v_segmentStartPx, v_segmentEndPx);
  float currentRadiusRatio = dot(segmentNormal, startToPointPx) * 2. / v_width;
  currentLineMetric = mix(v_measureStart, v_measureEnd, lengthToPointPx / segmentLengthPx);

  if (${this.discardExpression_}) { discard; }

  float capType = ${this.strokeCapExpression_};
  float joinType = ${this.strokeJoinExpression_};
  float segmentStartDistance = computeSegmentPointDistance(currentPointPx, v_segmentStartPx, v_segmentEndPx, v_width, v_angleStart, capType, joinType);
  float segmentEndDistance = computeSegmentPointDistance(currentPointPx, v_segmentEndPx, v_segmentStartPx, v_width, v_angleEnd, capType, joinType);
  float distanceField = max(
    segmentDistanceField(currentPointPx, v_segmentStartPx, v_segmentEndPx, v_width),
    max(segmentStartDistance, segmentEndDistance)
  );
  distanceField = max(distanceField, ${this.strokeDistanceFieldExpression_});

  vec4 color = ${this.strokeColorExpression_};
  color.a *= smoothstep(0.5, -0.5, distanceField);
  gl_FragColor = color;
  gl_FragColor.a *= u_globalAlpha;
  gl_FragColor.rgb *= gl_FragColor.a;
  if (u_hitDetection > 0) {
    if (gl_FragColor.a < 0.1) { discard; };
    gl_FragColor = v_hitColor;
  }
}` : null;
	}
	getFillVertexShader() {
		return this.hasFill_ ? `${zg}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join("\n")}
attribute vec2 a_position;
attribute vec2 a_hitColor;

varying vec4 v_hitColor;

${this.attributes_.map((e) => `attribute ${e.type} ${e.name};
varying ${e.varyingType} ${e.varyingName};`).join("\n")}
${this.vertexShaderFunctions_.join("\n")}
void main(void) {
  gl_Position = u_projectionMatrix * vec4(a_position, u_depth, 1.0);
  v_hitColor = unpackColor(a_hitColor);
${this.attributes_.map((e) => `  ${e.varyingName} = ${e.varyingExpression};`).join("\n")}
}` : null;
	}
	getFillFragmentShader() {
		return this.hasFill_ ? `${zg}
${this.uniforms_.map((e) => `uniform ${e.type} ${e.name};`).join("\n")}
varying vec4 v_hitColor;
${this.attributes_.map((e) => `varying ${e.varyingType} ${e.varyingName};`).join("\n")}
${this.fragmentShaderFunctions_.join("\n")}
vec2 pxToWorld(vec2 pxPos) {
  vec2 screenPos = 2.0 * pxPos / u_viewportSizePx - 1.0;
  return (u_screenToWorldMatrix * vec4(screenPos, 0.0, 1.0)).xy;
}

vec2 worldToPx(vec2 worldPos) {
  vec4 screenPos = u_projectionMatrix * vec4(worldPos, 0.0, 1.0);
  return (0.5 * screenPos.xy + 0.5) * u_viewportSizePx;
}

void main(void) {
${this.attributes_.map((e) => `  ${e.varyingType} ${e.name} = ${e.varyingName}; // assign to original attribute name`).join("\n")}
  vec2 pxPos = gl_FragCoord.xy / u_pixelRatio;
  vec2 pxOrigin = worldToPx(u_patternOrigin);
  #ifdef GL_FRAGMENT_PRECISION_HIGH
  vec2 worldPos = pxToWorld(pxPos);
  if (
    abs(u_renderExtent[0] - u_renderExtent[2]) > 0.0 && (
      worldPos[0] < u_renderExtent[0] ||
      worldPos[1] < u_renderExtent[1] ||
      worldPos[0] > u_renderExtent[2] ||
      worldPos[1] > u_renderExtent[3]
    )
  ) {
    discard;
  }
  #endif
  if (${this.discardExpression_}) { discard; }
  gl_FragColor = ${this.fillColorExpression_};
  gl_FragColor.a *= u_globalAlpha;
  gl_FragColor.rgb *= gl_FragColor.a;
  if (u_hitDetection > 0) {
    if (gl_FragColor.a < 0.1) { discard; };
    gl_FragColor = v_hitColor;
  }
}` : null;
	}
};
function Hg(e) {
	return (JSON.stringify(e).split("").reduce((e, t) => (e << 5) - e + t.charCodeAt(0), 0) >>> 0).toString();
}
function Ug(e, t, n, r) {
	if (`${r}radius` in e && r !== "icon-") {
		let i = $(n, e[`${r}radius`], W);
		if (`${r}radius2` in e) {
			let t = $(n, e[`${r}radius2`], W);
			i = `max(${i}, ${t})`;
		}
		`${r}stroke-width` in e && (i = `(${i} + ${$(n, e[`${r}stroke-width`], W)} * 0.5)`), t.setSymbolSizeExpression(`vec2(${i} * 2. + 0.5)`);
	}
	if (`${r}scale` in e) {
		let i = $(n, e[`${r}scale`], al);
		t.setSymbolSizeExpression(`${t.getSymbolSizeExpression()} * ${i}`);
	}
	`${r}displacement` in e && t.setSymbolOffsetExpression($(n, e[`${r}displacement`], il)), `${r}rotation` in e && t.setSymbolRotationExpression($(n, e[`${r}rotation`], W)), `${r}rotate-with-view` in e && t.setSymbolRotateWithView(!!e[`${r}rotate-with-view`]);
}
function Wg(e, t, n, r, i) {
	let a = "vec4(0.)";
	if (t !== null && (a = t), n !== null && r !== null) {
		let t = `smoothstep(-${r} + 0.63, -${r} - 0.58, ${e})`;
		a = `mix(${n}, ${a}, ${t})`;
	}
	let o = `(1.0 - smoothstep(-0.63, 0.58, ${e}))`, s = `${a} * vec4(1.0, 1.0, 1.0, ${o})`;
	return i !== null && (s = `${s} * vec4(1.0, 1.0, 1.0, ${i})`), s;
}
function Gg(e, t, n, r, i) {
	let a = new Image();
	a.crossOrigin = e[`${r}cross-origin`] === void 0 ? "anonymous" : e[`${r}cross-origin`], V(typeof e[`${r}src`] == "string", `WebGL layers do not support expressions for the ${r}src style property`), a.src = e[`${r}src`], n[`u_texture${i}_size`] = () => a.complete ? [a.width, a.height] : [0, 0], t.addUniform(`u_texture${i}_size`, "vec2");
	let o = `u_texture${i}_size`;
	return n[`u_texture${i}`] = a, t.addUniform(`u_texture${i}`, "sampler2D"), o;
}
function Kg(e, t, n, r, i) {
	let a = $(n, e[`${t}offset`], al);
	if (`${t}offset-origin` in e) switch (e[`${t}offset-origin`]) {
		case "top-right":
			a = `vec2(${r}.x, 0.) + ${i} * vec2(-1., 0.) + ${a} * vec2(-1., 1.)`;
			break;
		case "bottom-left":
			a = `vec2(0., ${r}.y) + ${i} * vec2(0., -1.) + ${a} * vec2(1., -1.)`;
			break;
		case "bottom-right": a = `${r} - ${i} - ${a}`;
	}
	return a;
}
function qg(e, t, n, r) {
	r.functions.circleDistanceField = "float circleDistanceField(vec2 point, float radius) {\n  return length(point) - radius;\n}", Ug(e, t, r, "circle-");
	let i = null;
	"circle-opacity" in e && (i = $(r, e["circle-opacity"], W));
	let a = "coordsPx";
	"circle-scale" in e && (a = `coordsPx / ${$(r, e["circle-scale"], al)}`);
	let o = null;
	"circle-fill-color" in e && (o = $(r, e["circle-fill-color"], rl));
	let s = null;
	"circle-stroke-color" in e && (s = $(r, e["circle-stroke-color"], rl));
	let c = $(r, e["circle-radius"], W), l = null;
	"circle-stroke-width" in e && (l = $(r, e["circle-stroke-width"], W), c = `(${c} + ${l} * 0.5)`);
	let u = Wg(`circleDistanceField(${a}, ${c})`, o, s, l, i);
	t.setSymbolColorExpression(u);
}
function Jg(e, t, n, r) {
	r.functions.round = "float round(float v) {\n  return sign(v) * floor(abs(v) + 0.5);\n}", r.functions.starDistanceField = "float starDistanceField(vec2 point, float numPoints, float radius, float radius2, float angle) {\n  float startAngle = -PI * 0.5 + angle; // tip starts upwards and rotates clockwise with angle\n  float c = cos(startAngle);\n  float s = sin(startAngle);\n  vec2 pointRotated = vec2(c * point.x - s * point.y, s * point.x + c * point.y);\n  float alpha = TWO_PI / numPoints; // the angle of one sector\n  float beta = atan(pointRotated.y, pointRotated.x);\n  float gamma = round(beta / alpha) * alpha; // angle in sector\n  c = cos(-gamma);\n  s = sin(-gamma);\n  vec2 inSector = vec2(c * pointRotated.x - s * pointRotated.y, abs(s * pointRotated.x + c * pointRotated.y));\n  vec2 tipToPoint = inSector + vec2(-radius, 0.);\n  vec2 edgeNormal = vec2(radius2 * sin(alpha * 0.5), -radius2 * cos(alpha * 0.5) + radius);\n  return dot(normalize(edgeNormal), tipToPoint);\n}", r.functions.regularDistanceField = "float regularDistanceField(vec2 point, float numPoints, float radius, float angle) {\n  float startAngle = -PI * 0.5 + angle; // tip starts upwards and rotates clockwise with angle\n  float c = cos(startAngle);\n  float s = sin(startAngle);\n  vec2 pointRotated = vec2(c * point.x - s * point.y, s * point.x + c * point.y);\n  float alpha = TWO_PI / numPoints; // the angle of one sector\n  float radiusIn = radius * cos(PI / numPoints);\n  float beta = atan(pointRotated.y, pointRotated.x);\n  float gamma = round((beta - alpha * 0.5) / alpha) * alpha + alpha * 0.5; // angle in sector from mid\n  c = cos(-gamma);\n  s = sin(-gamma);\n  vec2 inSector = vec2(c * pointRotated.x - s * pointRotated.y, abs(s * pointRotated.x + c * pointRotated.y));\n  return inSector.x - radiusIn;\n}", Ug(e, t, r, "shape-");
	let i = null;
	"shape-opacity" in e && (i = $(r, e["shape-opacity"], W));
	let a = "coordsPx";
	"shape-scale" in e && (a = `coordsPx / ${$(r, e["shape-scale"], al)}`);
	let o = null;
	"shape-fill-color" in e && (o = $(r, e["shape-fill-color"], rl));
	let s = null;
	"shape-stroke-color" in e && (s = $(r, e["shape-stroke-color"], rl));
	let c = null;
	"shape-stroke-width" in e && (c = $(r, e["shape-stroke-width"], W));
	let l = $(r, e["shape-points"], W), u = "0.";
	"shape-angle" in e && (u = $(r, e["shape-angle"], W));
	let d, f = $(r, e["shape-radius"], W);
	if (c !== null && (f = `${f} + ${c} * 0.5`), "shape-radius2" in e) {
		let t = $(r, e["shape-radius2"], W);
		c !== null && (t = `${t} + ${c} * 0.5`), d = `starDistanceField(${a}, ${l}, ${f}, ${t}, ${u})`;
	} else d = `regularDistanceField(${a}, ${l}, ${f}, ${u})`;
	let p = Wg(d, o, s, c, i);
	t.setSymbolColorExpression(p);
}
function Yg(e, t, n, r) {
	let i = "vec4(1.0)";
	"icon-color" in e && (i = $(r, e["icon-color"], rl)), "icon-opacity" in e && (i = `${i} * vec4(1.0, 1.0, 1.0, ${$(r, e["icon-opacity"], W)})`);
	let a = Hg(e["icon-src"]), o = Gg(e, t, n, "icon-", a);
	if (t.setSymbolColorExpression(`${i} * texture2D(u_texture${a}, v_texCoord)`).setSymbolSizeExpression(o), "icon-width" in e && "icon-height" in e && t.setSymbolSizeExpression(`vec2(${$(r, e["icon-width"], W)}, ${$(r, e["icon-height"], W)})`), "icon-offset" in e && "icon-size" in e) {
		let n = $(r, e["icon-size"], il), i = t.getSymbolSizeExpression();
		t.setSymbolSizeExpression(n);
		let a = Kg(e, "icon-", r, "v_quadSizePx", n);
		t.setTextureCoordinateExpression(`(vec4((${a}).xyxy) + vec4(0., 0., ${n})) / (${i}).xyxy`);
	}
	if (Ug(e, t, r, "icon-"), "icon-anchor" in e) {
		let n = $(r, e["icon-anchor"], il), i = "1.0";
		"icon-scale" in e && (i = $(r, e["icon-scale"], al));
		let a;
		a = e["icon-anchor-x-units"] === "pixels" && e["icon-anchor-y-units"] === "pixels" ? `${n} * ${i}` : e["icon-anchor-x-units"] === "pixels" ? `${n} * vec2(vec2(${i}).x, v_quadSizePx.y)` : e["icon-anchor-y-units"] === "pixels" ? `${n} * vec2(v_quadSizePx.x, vec2(${i}).x)` : `${n} * v_quadSizePx`;
		let o = `v_quadSizePx * vec2(0.5, -0.5) + ${a} * vec2(-1., 1.)`;
		if ("icon-anchor-origin" in e) switch (e["icon-anchor-origin"]) {
			case "top-right":
				o = `v_quadSizePx * -0.5 + ${a}`;
				break;
			case "bottom-left":
				o = `v_quadSizePx * 0.5 - ${a}`;
				break;
			case "bottom-right": o = `v_quadSizePx * vec2(-0.5, 0.5) + ${a} * vec2(1., -1.)`;
		}
		t.setSymbolOffsetExpression(`${t.getSymbolOffsetExpression()} + ${o}`);
	}
}
function Xg(e, t, n, r) {
	if ("stroke-color" in e && t.setStrokeColorExpression($(r, e["stroke-color"], rl)), "stroke-pattern-src" in e) {
		let i = Hg(e["stroke-pattern-src"]), a = Gg(e, t, n, "stroke-pattern-", i), o = a, s = "vec2(0.)";
		"stroke-pattern-offset" in e && "stroke-pattern-size" in e && (o = $(r, e["stroke-pattern-size"], il), s = Kg(e, "stroke-pattern-", r, a, o));
		let c = "0.";
		"stroke-pattern-spacing" in e && (c = $(r, e["stroke-pattern-spacing"], W));
		let l = "0.";
		"stroke-pattern-start-offset" in e && (l = $(r, e["stroke-pattern-start-offset"], W)), r.functions.sampleStrokePattern = "vec4 sampleStrokePattern(sampler2D texture, vec2 textureSize, vec2 textureOffset, vec2 sampleSize, float spacingPx, float startOffsetPx, float currentLengthPx, float currentRadiusRatio, float lineWidth) {\n  float currentLengthScaled = (currentLengthPx - startOffsetPx) * sampleSize.y / lineWidth;\n  float spacingScaled = spacingPx * sampleSize.y / lineWidth;\n  float uCoordPx = mod(currentLengthScaled, (sampleSize.x + spacingScaled));\n  float isInsideOfPattern = step(uCoordPx, sampleSize.x);\n  float vCoordPx = (-currentRadiusRatio * 0.5 + 0.5) * sampleSize.y;\n  // make sure that we're not sampling too close to the borders to avoid interpolation with outside pixels\n  uCoordPx = clamp(uCoordPx, 0.5, sampleSize.x - 0.5);\n  vCoordPx = clamp(vCoordPx, 0.5, sampleSize.y - 0.5);\n  vec2 texCoord = (vec2(uCoordPx, vCoordPx) + textureOffset) / textureSize;\n  return texture2D(texture, texCoord) * vec4(1.0, 1.0, 1.0, isInsideOfPattern);\n}";
		let u = `u_texture${i}`, d = "1.";
		"stroke-color" in e && (d = t.getStrokeColorExpression()), t.setStrokeColorExpression(`${d} * sampleStrokePattern(${u}, ${a}, ${s}, ${o}, ${c}, ${l}, currentLengthPx, currentRadiusRatio, v_width)`), r.functions.computeStrokePatternLength = "float computeStrokePatternLength(vec2 sampleSize, float spacingPx, float lineWidth) {\n  float patternLengthPx = sampleSize.x / sampleSize.y * lineWidth;\n  return patternLengthPx + spacingPx;\n}", t.setStrokePatternLengthExpression(`computeStrokePatternLength(${o}, ${c}, v_width)`);
	}
	if ("stroke-width" in e && t.setStrokeWidthExpression($(r, e["stroke-width"], W)), "stroke-offset" in e && t.setStrokeOffsetExpression($(r, e["stroke-offset"], W)), "stroke-line-cap" in e && t.setStrokeCapExpression($(r, e["stroke-line-cap"], nl)), "stroke-line-join" in e && t.setStrokeJoinExpression($(r, e["stroke-line-join"], nl)), "stroke-miter-limit" in e && t.setStrokeMiterLimitExpression($(r, e["stroke-miter-limit"], W)), "stroke-line-dash" in e) {
		r.functions.getSingleDashDistance = `float getSingleDashDistance(float distance, float radius, float dashOffset, float dashLength, float dashLengthTotal, float capType, float lineWidth) {
  float localDistance = mod(distance, dashLengthTotal);
  float distanceSegment = abs(localDistance - dashOffset - dashLength * 0.5) - dashLength * 0.5;
  distanceSegment = min(distanceSegment, dashLengthTotal - localDistance);
  if (capType == ${mg("square")}) {
    distanceSegment -= lineWidth * 0.5;
  } else if (capType == ${mg("round")}) {
    distanceSegment = min(distanceSegment, sqrt(distanceSegment * distanceSegment + radius * radius) - lineWidth * 0.5);
  }
  return distanceSegment;
}`;
		let n = e["stroke-line-dash"].map((e) => $(r, e, W));
		n.length % 2 == 1 && (n = [...n, ...n]);
		let i = "0.";
		"stroke-line-dash-offset" in e && (i = $(r, e["stroke-line-dash-offset"], W));
		let a = `dashDistanceField_${Hg(e["stroke-line-dash"])}`, o = n.map((e, t) => `float dashLength${t}`).join(", "), s = n.map((e, t) => `dashLength${t}`).join(" + "), c = "0.", l = `getSingleDashDistance(distance, radius, ${c}, dashLength0, totalDashLength, capType, lineWidth)`;
		for (let e = 2; e < n.length; e += 2) c = `${c} + dashLength${e - 2} + dashLength${e - 1}`, l = `min(${l}, getSingleDashDistance(distance, radius, ${c}, dashLength${e}, totalDashLength, capType, lineWidth))`;
		r.functions[a] = `float ${a}(float distance, float radius, float capType, float lineWidth, ${o}) {
  float totalDashLength = ${s};
  return ${l};
}`;
		let u = n.map((e, t) => `${e}`).join(", ");
		t.setStrokeDistanceFieldExpression(`${a}(currentLengthPx + ${i}, currentRadiusPx, capType, v_width, ${u})`);
		let d = n.join(" + ");
		t.getStrokePatternLengthExpression() && (r.functions.combinePatternLengths = "float combinePatternLengths(float patternLength1, float patternLength2) {\n  return patternLength1 * patternLength2;\n}", d = `combinePatternLengths(${t.getStrokePatternLengthExpression()}, ${d})`), t.setStrokePatternLengthExpression(d);
	}
}
function Zg(e, t, n, r) {
	if ("fill-color" in e && t.setFillColorExpression($(r, e["fill-color"], rl)), "fill-pattern-src" in e) {
		let i = Hg(e["fill-pattern-src"]), a = Gg(e, t, n, "fill-pattern-", i), o = a, s = "vec2(0.)";
		"fill-pattern-offset" in e && "fill-pattern-size" in e && (o = $(r, e["fill-pattern-size"], il), s = Kg(e, "fill-pattern-", r, a, o)), r.functions.sampleFillPattern = "vec4 sampleFillPattern(sampler2D texture, vec2 textureSize, vec2 textureOffset, vec2 sampleSize, vec2 pxOrigin, vec2 pxPosition) {\n  float scaleRatio = pow(2., mod(u_zoom + 0.5, 1.) - 0.5);\n  vec2 pxRelativePos = pxPosition - pxOrigin;\n  // rotate the relative position from origin by the current view rotation\n  pxRelativePos = vec2(pxRelativePos.x * cos(u_rotation) - pxRelativePos.y * sin(u_rotation), pxRelativePos.x * sin(u_rotation) + pxRelativePos.y * cos(u_rotation));\n  // sample position is computed according to the sample offset & size\n  vec2 samplePos = mod(pxRelativePos / scaleRatio, sampleSize);\n  // also make sure that we're not sampling too close to the borders to avoid interpolation with outside pixels\n  samplePos = clamp(samplePos, vec2(0.5), sampleSize - vec2(0.5));\n  samplePos.y = sampleSize.y - samplePos.y; // invert y axis so that images appear upright\n  return texture2D(texture, (samplePos + textureOffset) / textureSize);\n}";
		let c = `u_texture${i}`, l = "1.";
		"fill-color" in e && (l = t.getFillColorExpression()), t.setFillColorExpression(`${l} * sampleFillPattern(${c}, ${a}, ${s}, ${o}, pxOrigin, pxPos)`);
	}
}
function Qg(e, t, n) {
	let r = gg(), i = new Vg(), a = {};
	if ("icon-src" in e ? Yg(e, i, a, r) : "shape-points" in e ? Jg(e, i, a, r) : "circle-radius" in e && qg(e, i, a, r), Xg(e, i, a, r), Zg(e, i, a, r), n) {
		let e = $(r, n, tl);
		i.setFragmentDiscardExpression(`!${e}`);
	}
	let o = {};
	function s(e, t, n, a) {
		if (!r[e]) return;
		let s = Fg(n), c = Pg(n);
		i.addAttribute(`a_${t}`, s), o[t] = {
			size: c,
			callback: a
		};
	}
	return s("geometryType", bg, nl, (e) => pg(Nl(e.getGeometry()))), s("featureId", yg, nl | W, (e) => {
		let t = e.getId() ?? null;
		return typeof t == "string" ? pg(t) : t;
	}), Ig(i, r), {
		builder: i,
		attributes: {
			...o,
			...Rg(r)
		},
		uniforms: {
			...a,
			...Lg(r, t)
		}
	};
}
var $g = [], e_;
function t_() {
	return e_ ||= kh(), e_;
}
var n_ = 0, r_ = {
	POSITION: "a_position",
	LOCAL_POSITION: "a_localPosition",
	SEGMENT_START: "a_segmentStart",
	SEGMENT_END: "a_segmentEnd",
	MEASURE_START: "a_measureStart",
	MEASURE_END: "a_measureEnd",
	ANGLE_TANGENT_SUM: "a_angleTangentSum",
	JOIN_ANGLES: "a_joinAngles",
	DISTANCE_LOW: "a_distanceLow",
	DISTANCE_HIGH: "a_distanceHigh"
}, i_ = class {
	constructor(e, t, n, r) {
		this.helper_, this.hitDetectionEnabled_ = !!r, this.styleShaders = a_(e, t), this.customAttributes_ = {}, this.uniforms_ = {}, this.hitDetectionEnabled_ && (this.customAttributes_.hitColor = {
			callback() {
				return jh(this.ref, $g);
			},
			size: 2
		});
		for (let e of this.styleShaders) {
			for (let t in e.attributes) t in this.customAttributes_ || (this.customAttributes_[t] = e.attributes[t]);
			for (let t in e.uniforms) t in this.uniforms_ || (this.uniforms_[t] = e.uniforms[t]);
		}
		this.renderPasses_ = this.styleShaders.map((e) => {
			let t = {}, n = Object.entries(this.customAttributes_).map(([t, n]) => ({
				name: t in e.attributes || t === "hitColor" ? `a_${t}` : null,
				size: n.size || 1,
				type: yh.FLOAT
			}));
			return e.builder.getFillVertexShader() && (t.fillRenderPass = {
				vertexShader: e.builder.getFillVertexShader(),
				fragmentShader: e.builder.getFillFragmentShader(),
				attributesDesc: [{
					name: r_.POSITION,
					size: 2,
					type: yh.FLOAT
				}, ...n],
				instancedAttributesDesc: [],
				instancePrimitiveVertexCount: 3
			}), e.builder.getStrokeVertexShader() && (t.strokeRenderPass = {
				vertexShader: e.builder.getStrokeVertexShader(),
				fragmentShader: e.builder.getStrokeFragmentShader(),
				attributesDesc: [{
					name: r_.LOCAL_POSITION,
					size: 2,
					type: yh.FLOAT
				}],
				instancedAttributesDesc: [
					{
						name: r_.SEGMENT_START,
						size: 2,
						type: yh.FLOAT
					},
					{
						name: r_.MEASURE_START,
						size: 1,
						type: yh.FLOAT
					},
					{
						name: r_.SEGMENT_END,
						size: 2,
						type: yh.FLOAT
					},
					{
						name: r_.MEASURE_END,
						size: 1,
						type: yh.FLOAT
					},
					{
						name: r_.JOIN_ANGLES,
						size: 2,
						type: yh.FLOAT
					},
					{
						name: r_.DISTANCE_LOW,
						size: 1,
						type: yh.FLOAT
					},
					{
						name: r_.DISTANCE_HIGH,
						size: 1,
						type: yh.FLOAT
					},
					{
						name: r_.ANGLE_TANGENT_SUM,
						size: 1,
						type: yh.FLOAT
					},
					...n
				],
				instancePrimitiveVertexCount: 6
			}), e.builder.getSymbolVertexShader() && (t.symbolRenderPass = {
				vertexShader: e.builder.getSymbolVertexShader(),
				fragmentShader: e.builder.getSymbolFragmentShader(),
				attributesDesc: [{
					name: r_.LOCAL_POSITION,
					size: 2,
					type: yh.FLOAT
				}],
				instancedAttributesDesc: [{
					name: r_.POSITION,
					size: 2,
					type: yh.FLOAT
				}, ...n],
				instancePrimitiveVertexCount: 6
			}), t;
		}), this.hasFill_ = this.renderPasses_.some((e) => e.fillRenderPass), this.hasStroke_ = this.renderPasses_.some((e) => e.strokeRenderPass), this.hasSymbol_ = this.renderPasses_.some((e) => e.symbolRenderPass), this.setHelper(n);
	}
	async generateBuffers(e, t) {
		if (e.isEmpty()) return null;
		let n = this.generateRenderInstructions_(e, t), [r, i, a] = await Promise.all([
			this.generateBuffersForType_(n.polygonInstructions, "Polygon", t),
			this.generateBuffersForType_(n.lineStringInstructions, "LineString", t),
			this.generateBuffersForType_(n.pointInstructions, "Point", t)
		]);
		return {
			polygonBuffers: r,
			lineStringBuffers: i,
			pointBuffers: a,
			invertVerticesTransform: Kr(zr(), t)
		};
	}
	generateRenderInstructions_(e, t) {
		return {
			polygonInstructions: this.hasFill_ ? kg(e.polygonBatch, /* @__PURE__ */ new Float32Array(), this.customAttributes_, t) : null,
			lineStringInstructions: this.hasStroke_ ? Og(e.lineStringBatch, /* @__PURE__ */ new Float32Array(), this.customAttributes_, t) : null,
			pointInstructions: this.hasSymbol_ ? Dg(e.pointBatch, /* @__PURE__ */ new Float32Array(), this.customAttributes_, t) : null
		};
	}
	generateBuffersForType_(e, t, n) {
		if (e === null) return null;
		let r = n_++, i;
		switch (t) {
			case "Polygon":
				i = Ah.GENERATE_POLYGON_BUFFERS;
				break;
			case "LineString":
				i = Ah.GENERATE_LINE_STRING_BUFFERS;
				break;
			case "Point": i = Ah.GENERATE_POINT_BUFFERS;
		}
		let a = {
			id: r,
			type: i,
			renderInstructions: e.buffer,
			renderInstructionsTransform: n,
			customAttributesSize: Eg(this.customAttributes_)
		}, o = t_();
		return o.postMessage(a, [e.buffer]), e = null, new Promise((e) => {
			let t = (n) => {
				let i = n.data;
				if (i.id !== r || (o.removeEventListener("message", t), !this.helper_.getGL())) return;
				let a = new uh(eh, nh).fromArrayBuffer(i.indicesBuffer), s = new uh($m, nh).fromArrayBuffer(i.vertexAttributesBuffer), c = new uh($m, nh).fromArrayBuffer(i.instanceAttributesBuffer);
				this.helper_.flushBufferData(a), this.helper_.flushBufferData(s), this.helper_.flushBufferData(c), e([
					a,
					s,
					c
				]);
			};
			o.addEventListener("message", t);
		});
	}
	render(e, t, n) {
		for (let r of this.renderPasses_) r.fillRenderPass && this.renderInternal_(e.polygonBuffers[0], e.polygonBuffers[1], e.polygonBuffers[2], r.fillRenderPass, t, n), r.strokeRenderPass && this.renderInternal_(e.lineStringBuffers[0], e.lineStringBuffers[1], e.lineStringBuffers[2], r.strokeRenderPass, t, n), r.symbolRenderPass && this.renderInternal_(e.pointBuffers[0], e.pointBuffers[1], e.pointBuffers[2], r.symbolRenderPass, t, n);
	}
	renderInternal_(e, t, n, r, i, a) {
		let o = e.getSize();
		if (o === 0) return;
		let s = r.instancedAttributesDesc.length;
		if (this.helper_.useProgram(r.program, i), this.helper_.bindBuffer(t), this.helper_.bindBuffer(e), this.helper_.enableAttributes(r.attributesDesc), this.helper_.bindBuffer(n), this.helper_.enableAttributesInstanced(r.instancedAttributesDesc), a(), s) {
			let e = r.instancedAttributesDesc.reduce((e, t) => e + (t.size || 1), 0), t = n.getSize() / e;
			this.helper_.drawElementsInstanced(0, o, t);
		} else this.helper_.drawElements(0, o);
	}
	setHelper(e, t = null) {
		this.helper_ = e;
		for (let e of this.renderPasses_) e.fillRenderPass && (e.fillRenderPass.program = this.helper_.getProgram(e.fillRenderPass.fragmentShader, e.fillRenderPass.vertexShader)), e.strokeRenderPass && (e.strokeRenderPass.program = this.helper_.getProgram(e.strokeRenderPass.fragmentShader, e.strokeRenderPass.vertexShader)), e.symbolRenderPass && (e.symbolRenderPass.program = this.helper_.getProgram(e.symbolRenderPass.fragmentShader, e.symbolRenderPass.vertexShader));
		this.helper_.addUniforms(this.uniforms_), t && (t.polygonBuffers && (this.helper_.flushBufferData(t.polygonBuffers[0]), this.helper_.flushBufferData(t.polygonBuffers[1]), this.helper_.flushBufferData(t.polygonBuffers[2])), t.lineStringBuffers && (this.helper_.flushBufferData(t.lineStringBuffers[0]), this.helper_.flushBufferData(t.lineStringBuffers[1]), this.helper_.flushBufferData(t.lineStringBuffers[2])), t.pointBuffers && (this.helper_.flushBufferData(t.pointBuffers[0]), this.helper_.flushBufferData(t.pointBuffers[1]), this.helper_.flushBufferData(t.pointBuffers[2])));
	}
};
function a_(e, t) {
	let n = Array.isArray(e) ? e : [e];
	if ("style" in n[0]) {
		let e = [], r = n, i = [];
		for (let n of r) {
			let r = Array.isArray(n.style) ? n.style : [n.style], a = n.filter;
			n.else && i.length && (a = ["all", ...i.map((e) => ["!", e])], n.filter && a.push(n.filter), a.length < 3 && (a = a[1])), n.filter && i.push(n.filter);
			let o = r.map((e) => Qg(e, t, a));
			e.push(...o);
		}
		return e;
	}
	return "builder" in n[0] ? n : n.map((e) => Qg(e, t, null));
}
var o_ = /* @__PURE__ */ new Uint8Array(4), s_ = class {
	constructor(e, t) {
		this.helper_ = e;
		let n = e.getGL();
		this.texture_ = n.createTexture(), this.framebuffer_ = n.createFramebuffer(), this.depthbuffer_ = n.createRenderbuffer(), this.size_ = t || [1, 1], this.data_ = /* @__PURE__ */ new Uint8Array(), this.dataCacheDirty_ = !0, this.updateSize_();
	}
	setSize(e) {
		wr(e, this.size_) || (this.size_[0] = e[0], this.size_[1] = e[1], this.updateSize_());
	}
	getSize() {
		return this.size_;
	}
	clearCachedData() {
		this.dataCacheDirty_ = !0;
	}
	readAll() {
		if (this.dataCacheDirty_) {
			let e = this.size_, t = this.helper_.getGL();
			t.bindFramebuffer(t.FRAMEBUFFER, this.framebuffer_), t.readPixels(0, 0, e[0], e[1], t.RGBA, t.UNSIGNED_BYTE, this.data_), this.dataCacheDirty_ = !1;
		}
		return this.data_;
	}
	readPixel(e, t) {
		if (e < 0 || t < 0 || e > this.size_[0] || t >= this.size_[1]) return o_[0] = 0, o_[1] = 0, o_[2] = 0, o_[3] = 0, o_;
		this.readAll();
		let n = Math.floor(e) + (this.size_[1] - Math.floor(t) - 1) * this.size_[0];
		return o_[0] = this.data_[n * 4], o_[1] = this.data_[n * 4 + 1], o_[2] = this.data_[n * 4 + 2], o_[3] = this.data_[n * 4 + 3], o_;
	}
	getTexture() {
		return this.texture_;
	}
	getFramebuffer() {
		return this.framebuffer_;
	}
	getDepthbuffer() {
		return this.depthbuffer_;
	}
	updateSize_() {
		let e = this.size_, t = this.helper_.getGL();
		this.texture_ = this.helper_.createTexture(e, null, this.texture_), t.bindFramebuffer(t.FRAMEBUFFER, this.framebuffer_), t.viewport(0, 0, e[0], e[1]), t.framebufferTexture2D(t.FRAMEBUFFER, t.COLOR_ATTACHMENT0, t.TEXTURE_2D, this.texture_, 0), t.bindRenderbuffer(t.RENDERBUFFER, this.depthbuffer_), t.renderbufferStorage(t.RENDERBUFFER, t.DEPTH_COMPONENT16, e[0], e[1]), t.framebufferRenderbuffer(t.FRAMEBUFFER, t.DEPTH_ATTACHMENT, t.RENDERBUFFER, this.depthbuffer_), this.data_ = new Uint8Array(e[0] * e[1] * 4);
	}
};
function c_(e, t) {
	let n = e.viewState.projection, r = t.getSource().getWrapX() && n.canWrapX(), i = n.getExtent(), a = e.extent, o = r ? F(i) : null, s = r ? Math.ceil((a[2] - i[2]) / o) + 1 : 1;
	return [
		r ? Math.floor((a[0] - i[0]) / o) : 0,
		s,
		o
	];
}
var l_ = {
	...vh,
	RENDER_EXTENT: "u_renderExtent",
	PATTERN_ORIGIN: "u_patternOrigin",
	GLOBAL_ALPHA: "u_globalAlpha"
}, u_ = class extends rg {
	constructor(e, t) {
		let n = {
			[l_.RENDER_EXTENT]: [
				0,
				0,
				0,
				0
			],
			[l_.PATTERN_ORIGIN]: [0, 0],
			[l_.GLOBAL_ALPHA]: 1
		};
		super(e, {
			uniforms: n,
			postProcesses: t.postProcesses
		}), this.hitDetectionEnabled_ = !t.disableHitDetection, this.hitRenderTarget_, this.sourceRevision_ = -1, this.previousExtent_ = ye(), this.currentTransform_ = zr(), this.tmpCoords_ = [0, 0], this.tmpTransform_ = zr(), this.tmpMat4_ = fh(), this.currentFrameStateTransform_ = zr(), this.styleVariables_ = {}, this.style_ = [], this.styleRenderer_ = null, this.buffers_ = null, this.applyOptions_(t), this.batch_ = new Xm(), this.initialFeaturesAdded_ = !1, this.sourceListenKeys_ = null;
	}
	addInitialFeatures_(e) {
		let t = this.getLayer().getSource(), n;
		this.batch_.addFeatures(t.getFeatures(), n), this.sourceListenKeys_ = [
			z(t, sc.ADDFEATURE, this.handleSourceFeatureAdded_.bind(this, n)),
			z(t, sc.CHANGEFEATURE, this.handleSourceFeatureChanged_.bind(this, n), this),
			z(t, sc.REMOVEFEATURE, this.handleSourceFeatureDelete_, this),
			z(t, sc.CLEAR, this.handleSourceFeatureClear_, this)
		];
	}
	applyOptions_(e) {
		this.styleVariables_ = e.variables, this.style_ = e.style;
	}
	createRenderers_() {
		this.buffers_ = null, this.styleRenderer_ = new i_(this.style_, this.styleVariables_, this.helper, this.hitDetectionEnabled_);
	}
	reset(e) {
		this.applyOptions_(e), this.helper && this.createRenderers_(), super.reset(e);
	}
	afterHelperCreated() {
		this.styleRenderer_ ? this.styleRenderer_.setHelper(this.helper, this.buffers_) : this.createRenderers_(), this.hitDetectionEnabled_ && (this.hitRenderTarget_ = new s_(this.helper));
	}
	handleSourceFeatureAdded_(e, t) {
		let n = t.feature;
		this.batch_.addFeature(n, e);
	}
	handleSourceFeatureChanged_(e, t) {
		let n = t.feature;
		this.batch_.changeFeature(n, e);
	}
	handleSourceFeatureDelete_(e) {
		let t = e.feature;
		this.batch_.removeFeature(t);
	}
	handleSourceFeatureClear_() {
		this.batch_.clear();
	}
	applyUniforms_(e) {
		Hr(this.tmpTransform_, this.currentFrameStateTransform_), Br(this.tmpTransform_, e), this.helper.setUniformMatrixValue(l_.PROJECTION_MATRIX, ph(this.tmpMat4_, this.tmpTransform_)), Kr(this.tmpTransform_, this.tmpTransform_), this.helper.setUniformMatrixValue(l_.SCREEN_TO_WORLD_MATRIX, ph(this.tmpMat4_, this.tmpTransform_)), this.tmpCoords_[0] = 0, this.tmpCoords_[1] = 0, Kr(this.tmpTransform_, e), Ur(this.tmpTransform_, this.tmpCoords_), this.helper.setUniformFloatVec2(l_.PATTERN_ORIGIN, this.tmpCoords_);
	}
	renderFrame(e) {
		let t = this.helper.getGL();
		this.preRender(t, e);
		let [n, r, i] = c_(e, this.getLayer());
		this.helper.prepareDraw(e), this.renderWorlds(e, !1, n, r, i), this.helper.finalizeDraw(e, this.dispatchPreComposeEvent, this.dispatchPostComposeEvent);
		let a = this.helper.getCanvas();
		return this.hitDetectionEnabled_ && (this.renderWorlds(e, !0, n, r, i), this.hitRenderTarget_.clearCachedData()), this.postRender(t, e), a;
	}
	prepareFrameInternal(e) {
		this.initialFeaturesAdded_ ||= (this.addInitialFeatures_(e), !0);
		let t = this.getLayer(), n = t.getSource(), r = e.viewState, i = !e.viewHints[uc.ANIMATING] && !e.viewHints[uc.INTERACTING], a = !we(this.previousExtent_, e.extent), o = this.sourceRevision_ < n.getRevision();
		if (o && (this.sourceRevision_ = n.getRevision()), i && (a || o)) {
			let i = r.projection, a = r.resolution, o = t instanceof ad ? t.getRenderBuffer() : 0, s = fe(e.extent, o * a);
			n.loadFeatures(s, a, i), this.ready = !1;
			let c = this.helper.makeProjectionTransform(e, zr());
			this.styleRenderer_.generateBuffers(this.batch_, c).then((e) => {
				this.buffers_ && this.disposeBuffers(this.buffers_), this.buffers_ = e, this.ready = !0, this.getLayer().changed();
			}), this.previousExtent_ = e.extent.slice();
		}
		return !0;
	}
	renderWorlds(e, t, n, r, i) {
		let a = n;
		t && (this.hitRenderTarget_.setSize([Math.floor(e.size[0] / 2), Math.floor(e.size[1] / 2)]), this.helper.prepareDrawToRenderTarget(e, this.hitRenderTarget_, !0));
		do
			this.helper.makeProjectionTransform(e, this.currentFrameStateTransform_), Wr(this.currentFrameStateTransform_, a * i, 0), this.buffers_ && this.styleRenderer_.render(this.buffers_, e, () => {
				this.applyUniforms_(this.buffers_.invertVerticesTransform), this.helper.applyHitDetectionUniform(t);
			});
		while (++a < r);
	}
	forEachFeatureAtCoordinate(e, t, n, r, i) {
		if (V(this.hitDetectionEnabled_, "`forEachFeatureAtCoordinate` cannot be used on a WebGL layer if the hit detection logic has been disabled using the `disableHitDetection: true` option."), !this.styleRenderer_ || !this.hitDetectionEnabled_) return;
		let a = Ur(t.coordinateToPixelTransform, e.slice()), o = this.hitRenderTarget_.readPixel(a[0] / 2, a[1] / 2), s = Mh([
			o[0] / 255,
			o[1] / 255,
			o[2] / 255,
			o[3] / 255
		]), c = this.batch_.getFeatureFromRef(s);
		if (c) return r(c, this.getLayer(), null);
	}
	disposeBuffers(e) {
		let t = (e) => {
			for (let t of e) t && this.helper.deleteBuffer(t);
		};
		e.pointBuffers && t(e.pointBuffers), e.lineStringBuffers && t(e.lineStringBuffers), e.polygonBuffers && t(e.polygonBuffers);
	}
	disposeInternal() {
		this.buffers_ && this.disposeBuffers(this.buffers_), this.sourceListenKeys_ &&= (this.sourceListenKeys_.forEach(function(e) {
			B(e);
		}), null), super.disposeInternal();
	}
	renderDeclutter() {}
}, d_ = class extends nd {
	constructor(e) {
		let t = Object.assign({}, e);
		super(t), this.styleVariables_ = e.variables || {}, this.style_ = e.style, this.hitDetectionDisabled_ = !!e.disableHitDetection;
	}
	createRenderer() {
		return new u_(this, {
			style: this.style_,
			variables: this.styleVariables_,
			disableHitDetection: this.hitDetectionDisabled_
		});
	}
	updateStyleVariables(e) {
		Object.assign(this.styleVariables_, e), this.changed();
	}
	setStyle(e) {
		this.style_ = e, this.clearRenderer(), this.changed();
	}
}, f_ = 20, p_ = 15;
function m_(e, t, n) {
	let r = l(), i = l(), a = l(), o = l(), s = l([]), c = (t) => e.getFeaturesAtPixel(t, {
		layerFilter: (e) => e instanceof sd,
		hitTolerance: p_
	}), u = (e, t) => {
		"IntersectionObserver" in window && (r.value = new IntersectionObserver(([e]) => {
			e?.isIntersecting || t();
		}, {
			root: null,
			threshold: 0
		}), r.value.observe(e));
	}, d = () => {
		_(!1), x(), T(), ee();
	}, f = (t) => e.getTargetElement().style.cursor = t, p = (t) => {
		if (t.dragging || !e) return;
		let n = e.hasFeatureAtPixel(t.pixel, { layerFilter: (e) => e instanceof d_ });
		f(n ? "pointer" : "default");
	}, m = (t, n) => {
		let r = e.getFeaturesAtPixel(t.pixel, { layerFilter: (e) => e instanceof d_ }), i = r?.length ? r[0] : void 0;
		n && n(i);
	}, h = (e, t) => t == null ? !e.get(Sm) : e.get(ym) !== t, g = (e, t) => {
		let n = c(e.pixel), r = n?.find((e) => {
			let t = e.getGeometry();
			return t instanceof ca || t instanceof Yi;
		});
		if (!r) {
			t?.(void 0, void 0);
			return;
		}
		let i = n.find((e) => e.getGeometry() instanceof Zi), a = wp(r.getGeometry()).length === 1 ? 0 : Fp(r, i);
		h(r, a) ? t?.(r, a) : t?.(void 0, void 0);
	}, _ = (n, r) => {
		if (!r) return;
		let i = (e) => {
			t.canLoadMultiFeatures ? m(e, r) : t.canSelectFeatureOrVertex && g(e, r);
		};
		e.un("click", i), e.un("pointermove", p), n && (e.on("click", i), e.on("pointermove", p));
	}, v = (e, t, r) => n === j.SHAPE ? Pp(t, e, r, f_) : n === j.TRACE ? Np(t, e, r, f_) : new ps({ geometry: new Zi(e) }), y = (e) => e.preventDefault(), b = (t, r) => {
		if (i.value) return;
		let a = (i) => {
			if (i.dragging) return;
			let a = i.coordinate, o = e.getView().getResolution() ?? 1, s = c(i.pixel).find((e) => t.hasFeature(e));
			if (s && (jp(s, a, o, f_) || !Mp(s, a, o, f_))) return;
			let l = t.getFeatures()?.[0];
			E(l ?? null);
			let u = v(a, o, l);
			n === j.POINT && !t.isEmpty() && t.clear(!0), t.isEmpty() && t.addFeature(u), r(u);
		};
		i.value = a, e.on("click", a), e.getViewport().addEventListener("contextmenu", y);
	}, x = () => {
		i.value && (e.un("click", i.value), i.value = void 0, f("default"));
	}, S = (e, t) => {
		f("default");
		let n = e.getArray()?.[0];
		n && t(n);
	}, C = (t, n) => {
		a.value || (a.value = new Ym({ layers: [t] }), a.value.on("translating", () => f("grab")), a.value.on("translateend", (e) => S(e.features, n)), e.addInteraction(a.value));
	}, w = (t, n) => {
		o.value || (o.value = new Hm({
			source: t,
			style: rp(),
			pixelTolerance: p_,
			insertVertexCondition: (e) => e.type === "pointermove",
			wrapX: !1
		}), o.value.on("modifystart", () => {
			f("grab"), E(t.getFeatures()?.[0] ?? null);
		}), o.value.on("modifyend", (e) => S(e.features, n)), e.addInteraction(o.value));
	}, ee = () => {
		o.value &&= (e.removeInteraction(o.value), void 0);
	}, T = () => {
		a.value &&= (e.removeInteraction(a.value), void 0);
	}, E = (e) => {
		if (!t.canUndoLastChange) return;
		let n = e?.clone() ?? null;
		n && (n.unset(ym), n.unset(Sm)), s.value = [...s.value, n];
	};
	return {
		hasUndoHistory: () => s.value.length > 0,
		popUndoState: () => {
			if (!s.value.length) return;
			let e = [...s.value], t = e.pop();
			return s.value = e, t;
		},
		removeMapInteractions: d,
		pushUndoState: E,
		setupFeatureDrag: C,
		setupTapToAddVertex: b,
		setupMapVisibilityObserver: u,
		setupVertexDrag: w,
		teardownMap: () => {
			r.value?.disconnect(), r.value = void 0, s.value = [], d(), e.getViewport().removeEventListener("contextmenu", y);
		},
		toggleSelectEvent: _
	};
}
function h_(e, t, n) {
	if (!(n in e)) return e[n] = /* @__PURE__ */ new Set([t]), !0;
	let r = e[n], i = r.has(t);
	return i || r.add(t), !i;
}
function g_(e, t, n) {
	let r = e[n];
	return r ? r.delete(t) : !1;
}
function __(e, t) {
	let n = e.layerStatesArray[e.layerIndex];
	n.extent && (t = Re(t, Un(n.extent, e.viewState.projection)));
	let r = n.layer.getRenderSource();
	if (!r.getWrapX()) {
		let n = r.getTileGridForProjection(e.viewState.projection).getExtent();
		n && (t = Re(t, n));
	}
	return t;
}
var v_ = class extends Qc {
	constructor(e, t) {
		super(e), t ||= {}, this.extentChanged = !0, this.renderComplete = !1, this.renderedExtent_ = null, this.renderedPixelRatio, this.renderedProjection = null, this.renderedTiles = [], this.renderedSourceKey_, this.renderedSourceRevision_, this.tempExtent = ye(), this.tempTileRange_ = new Cf(0, 0, 0, 0), this.tempTileCoord_ = Zh(0, 0, 0);
		let n = t.cacheSize === void 0 ? 512 : t.cacheSize;
		this.tileCache_ = new Xh(n), this.sourceTileCache_ = null, this.maxStaleKeys = n * .5;
	}
	getTileCache() {
		return this.tileCache_;
	}
	getSourceTileCache() {
		return this.sourceTileCache_ ||= new Xh(512), this.sourceTileCache_;
	}
	getOrCreateTile(e, t, n, r) {
		let i = this.tileCache_, a = this.getLayer().getSource(), o = $h(a, a.getKey(), e, t, n), s;
		if (i.containsKey(o)) s = i.get(o);
		else {
			let c = r.viewState.projection, l = a.getProjection();
			if (s = a.getTile(e, t, n, r.pixelRatio, c, !l || Fn(l, c) ? void 0 : this.getSourceTileCache()), !s) return null;
			i.set(o, s);
		}
		return s;
	}
	getTile(e, t, n, r) {
		return this.getOrCreateTile(e, t, n, r) || null;
	}
	getData(e) {
		let t = this.frameState;
		if (!t) return null;
		let n = this.getLayer(), r = Ur(t.pixelToCoordinateTransform, e.slice()), i = n.getExtent();
		if (i && !he(i, r)) return null;
		let a = t.viewState, o = n.getRenderSource(), s = o.getTileGridForProjection(a.projection), c = o.getTilePixelRatio(t.pixelRatio);
		for (let e = s.getZForResolution(a.resolution); e >= s.getMinZoom(); --e) {
			let n = s.getTileCoordForCoordAndZ(r, e), i = this.getTile(e, n[1], n[2], t);
			if (!i || i.getState() !== X.LOADED) continue;
			let l = s.getOrigin(e), u = Go(s.getTileSize(e)), d = s.getResolution(e), f;
			if (i instanceof ld || i instanceof Yh) f = i.getImage();
			else if (i instanceof Ih) {
				if (f = Nh(i.getData()), !f) continue;
			} else continue;
			let p = Math.floor(c * ((r[0] - l[0]) / d - n[1] * u[0])), m = Math.floor(c * ((l[1] - r[1]) / d - n[2] * u[1])), h = Math.round(c * o.getGutterForProjection(a.projection));
			return this.getImageData(f, p + h, m + h);
		}
		return null;
	}
	prepareFrame(e) {
		this.renderedProjection ? e.viewState.projection !== this.renderedProjection && (this.tileCache_.clear(), this.renderedProjection = e.viewState.projection) : this.renderedProjection = e.viewState.projection;
		let t = this.getLayer().getSource();
		if (!t) return !1;
		let n = t.getRevision();
		return this.renderedSourceRevision_ ? this.renderedSourceRevision_ !== n && (this.renderedSourceRevision_ = n, this.renderedSourceKey_ === t.getKey() && (this.tileCache_.clear(), this.sourceTileCache_?.clear())) : this.renderedSourceRevision_ = n, !0;
	}
	enqueueTilesForNextExtent() {
		return !0;
	}
	enqueueTiles(e, t, n, r, i) {
		let a = e.viewState, o = this.getLayer(), s = o.getRenderSource(), c = s.getTileGridForProjection(a.projection), l = L(s);
		l in e.wantedTiles || (e.wantedTiles[l] = {});
		let u = e.wantedTiles[l], d = o.getMapInternal(), f = Math.max(n - i, c.getMinZoom(), c.getZForResolution(Math.min(o.getMaxResolution(), d ? d.getView().getResolutionForZoom(Math.max(o.getMinZoom(), 0)) : c.getResolution(0)), s.zDirection)), p = a.rotation, m = p ? Ie(a.center, a.resolution, p, e.size) : void 0;
		for (let i = n; i >= f; --i) {
			let n = c.getTileRangeForExtentAndZ(t, i, this.tempTileRange_), a = c.getResolution(i);
			for (let t = n.minX; t <= n.maxX; ++t) for (let o = n.minY; o <= n.maxY; ++o) {
				if (p && !c.tileCoordIntersectsViewport([
					i,
					t,
					o
				], m)) continue;
				let n = this.getTile(i, t, o, e);
				if (!n || !h_(r, n, i)) continue;
				let s = n.getKey();
				if (u[s] = !0, n.getState() === X.IDLE && !e.tileQueue.isKeyQueued(s)) {
					let r = Zh(i, t, o, this.tempTileCoord_);
					e.tileQueue.enqueue([
						n,
						l,
						c.getTileCoordCenter(r),
						a
					]);
				}
			}
		}
	}
	findStaleTile_(e, t) {
		let n = this.tileCache_, r = e[0], i = e[1], a = e[2], o = this.getStaleKeys();
		for (let e = 0; e < o.length; ++e) {
			let s = $h(this.getLayer().getSource(), o[e], r, i, a);
			if (n.containsKey(s)) {
				let e = n.peek(s);
				if (e.getState() === X.LOADED) return e.endTransition(L(this)), h_(t, e, r), !0;
			}
		}
		return !1;
	}
	findAltTiles_(e, t, n, r) {
		let i = e.getTileRangeForTileCoordAndZ(t, n, this.tempTileRange_);
		if (!i) return !1;
		let a = !0, o = this.tileCache_, s = this.getLayer().getRenderSource(), c = s.getKey();
		for (let e = i.minX; e <= i.maxX; ++e) for (let t = i.minY; t <= i.maxY; ++t) {
			let i = $h(s, c, n, e, t), l = !1;
			if (o.containsKey(i)) {
				let e = o.peek(i);
				e.getState() === X.LOADED && (h_(r, e, n), l = !0);
			}
			l || (a = !1);
		}
		return a;
	}
	renderFrame(e, t) {
		this.renderComplete = !0;
		let n = e.layerStatesArray[e.layerIndex], r = e.viewState, i = r.projection, a = r.resolution, o = r.center, s = e.pixelRatio, c = this.getLayer(), l = c.getSource(), u = l.getTileGridForProjection(i), d = u.getZForResolution(a, l.zDirection), f = u.getResolution(d), p = l.getKey();
		this.renderedSourceKey_ ? this.renderedSourceKey_ !== p && (this.prependStaleKey(this.renderedSourceKey_), this.renderedSourceKey_ = p) : this.renderedSourceKey_ = p;
		let m = e.extent, h = l.getTilePixelRatio(s);
		this.prepareContainer(e, t);
		let g = this.context.canvas.width, _ = this.context.canvas.height, v = n.extent && Un(n.extent);
		v && (m = Re(m, Un(n.extent)));
		let y = f * g / 2 / h, b = f * _ / 2 / h, x = [
			o[0] - y,
			o[1] - b,
			o[0] + y,
			o[1] + b
		], S = {};
		this.renderedTiles.length = 0;
		let C = c.getPreload();
		if (e.nextExtent && this.enqueueTilesForNextExtent()) {
			let t = u.getZForResolution(r.nextResolution, l.zDirection), n = __(e, e.nextExtent);
			this.enqueueTiles(e, n, t, S, C);
		}
		let w = __(e, m);
		if (this.enqueueTiles(e, w, d, S, 0), C > 0 && setTimeout(() => {
			this.enqueueTiles(e, w, d - 1, S, C - 1);
		}, 0), !(d in S)) return this.container;
		let ee = L(this), T = e.time;
		for (let t of S[d]) {
			let n = t.getState();
			if (n === X.EMPTY) continue;
			let r = t.tileCoord;
			if (n === X.LOADED && t.getAlpha(ee, T) === 1) {
				t.endTransition(ee);
				continue;
			}
			if (n !== X.ERROR && (this.renderComplete = !1), this.findStaleTile_(r, S)) {
				g_(S, t, d), e.animate = !0;
				continue;
			}
			if (this.findAltTiles_(u, r, d + 1, S)) continue;
			let i = u.getMinZoom();
			for (let e = d - 1; e >= i && !this.findAltTiles_(u, r, e, S); --e);
		}
		let E = f / a * s / h, D = this.getRenderContext(e);
		Gr(this.tempTransform, g / 2, _ / 2, E, E, 0, -g / 2, -_ / 2), n.extent && this.clipUnrotated(D, e, v), l.getInterpolate() || (D.imageSmoothingEnabled = !1), this.preRender(D, e);
		let O = Object.keys(S).map(Number);
		O.sort(yr);
		let k, te = [], ne = [];
		for (let t = O.length - 1; t >= 0; --t) {
			let n = O[t], r = l.getTilePixelSize(n, s, i), a = u.getResolution(n) / f, o = r[0] * a * E, c = r[1] * a * E, d = u.getTileCoordForCoordAndZ(ze(x), n), p = u.getTileCoordExtent(d), m = Ur(this.tempTransform, [h * (p[0] - x[0]) / f, h * (x[3] - p[3]) / f]), g = h * l.getGutterForProjection(i);
			for (let t of S[n]) {
				if (t.getState() !== X.LOADED) continue;
				let r = t.tileCoord, i = d[1] - r[1], a = Math.round(m[0] - (i - 1) * o), s = d[2] - r[2], u = Math.round(m[1] - (s - 1) * c), f = Math.round(m[0] - i * o), p = Math.round(m[1] - s * c), h = a - f, _ = u - p, v = O.length === 1, y = !1;
				k = [
					f,
					p,
					f + h,
					p,
					f + h,
					p + _,
					f,
					p + _
				];
				for (let e = 0, t = te.length; e < t; ++e) if (!v && n < ne[e]) {
					let t = te[e];
					Ve([
						f,
						p,
						f + h,
						p + _
					], [
						t[0],
						t[3],
						t[4],
						t[7]
					]) && (y ||= (D.save(), !0), D.beginPath(), D.moveTo(k[0], k[1]), D.lineTo(k[2], k[3]), D.lineTo(k[4], k[5]), D.lineTo(k[6], k[7]), D.moveTo(t[6], t[7]), D.lineTo(t[4], t[5]), D.lineTo(t[2], t[3]), D.lineTo(t[0], t[1]), D.clip());
				}
				te.push(k), ne.push(n), this.drawTile(t, e, f, p, h, _, g, v), y && D.restore(), this.renderedTiles.unshift(t), this.updateUsedTiles(e.usedTiles, l, t);
			}
		}
		return this.renderedResolution = f, this.extentChanged = !this.renderedExtent_ || !we(this.renderedExtent_, x), this.renderedExtent_ = x, this.renderedPixelRatio = s, this.postRender(this.context, e), n.extent && D.restore(), D.imageSmoothingEnabled = !0, this.renderComplete && e.postRenderFunctions.push((e, t) => {
			let n = L(l), r = t.wantedTiles[n], i = r ? Object.keys(r).length : 0;
			this.updateCacheSize(i), this.tileCache_.expireCache(), this.sourceTileCache_?.expireCache();
		}), this.container;
	}
	updateCacheSize(e) {
		this.tileCache_.highWaterMark = Math.max(this.tileCache_.highWaterMark, e * 2);
	}
	drawTile(e, t, n, r, i, a, o, s) {
		let c;
		if (e instanceof Ih) {
			if (c = Nh(e.getData()), !c) throw Error("Rendering array data is not yet supported");
		} else c = this.getTileImage(e);
		if (!c) return;
		let l = this.getRenderContext(t), u = L(this), d = t.layerStatesArray[t.layerIndex], f = d.opacity * (s ? e.getAlpha(u, t.time) : 1), p = f !== l.globalAlpha;
		p && (l.save(), l.globalAlpha = f), l.drawImage(c, o, o, c.width - 2 * o, c.height - 2 * o, n, r, i, a), p && l.restore(), f === d.opacity ? s && e.endTransition(u) : t.animate = !0;
	}
	getImage() {
		let e = this.context;
		return e ? e.canvas : null;
	}
	getTileImage(e) {
		return e.getImage();
	}
	updateUsedTiles(e, t, n) {
		let r = L(t);
		r in e || (e[r] = {}), e[r][n.getKey()] = !0;
	}
}, y_ = {
	PRELOAD: "preload",
	USE_INTERIM_TILES_ON_ERROR: "useInterimTilesOnError"
}, b_ = class extends nd {
	constructor(e) {
		e ||= {};
		let t = Object.assign({}, e), n = e.cacheSize;
		delete e.cacheSize, delete t.preload, delete t.useInterimTilesOnError, super(t), this.on, this.once, this.un, this.cacheSize_ = n, this.setPreload(e.preload === void 0 ? 0 : e.preload), this.setUseInterimTilesOnError(e.useInterimTilesOnError === void 0 || e.useInterimTilesOnError);
	}
	getCacheSize() {
		return this.cacheSize_;
	}
	getPreload() {
		return this.get(y_.PRELOAD);
	}
	setPreload(e) {
		this.set(y_.PRELOAD, e);
	}
	getUseInterimTilesOnError() {
		return this.get(y_.USE_INTERIM_TILES_ON_ERROR);
	}
	setUseInterimTilesOnError(e) {
		this.set(y_.USE_INTERIM_TILES_ON_ERROR, e);
	}
	getData(e) {
		return super.getData(e);
	}
}, x_ = class extends b_ {
	constructor(e) {
		super(e);
	}
	createRenderer() {
		return new v_(this, { cacheSize: this.getCacheSize() });
	}
}, S_ = [
	0,
	0,
	0
], C_ = 5, w_ = class {
	constructor(e) {
		this.minZoom = e.minZoom === void 0 ? 0 : e.minZoom, this.resolutions_ = e.resolutions, V(Tr(this.resolutions_, (e, t) => t - e), "`resolutions` must be sorted in descending order");
		let t;
		if (!e.origins) {
			for (let e = 0, n = this.resolutions_.length - 1; e < n; ++e) if (!t) t = this.resolutions_[e] / this.resolutions_[e + 1];
			else if (this.resolutions_[e] / this.resolutions_[e + 1] !== t) {
				t = void 0;
				break;
			}
		}
		this.zoomFactor_ = t, this.maxZoom = this.resolutions_.length - 1, this.origin_ = e.origin === void 0 ? null : e.origin, this.origins_ = null, e.origins !== void 0 && (this.origins_ = e.origins, V(this.origins_.length == this.resolutions_.length, "Number of `origins` and `resolutions` must be equal"));
		let n = e.extent;
		n !== void 0 && !this.origin_ && !this.origins_ && (this.origin_ = ze(n)), V(!this.origin_ && this.origins_ || this.origin_ && !this.origins_, "Either `origin` or `origins` must be configured, never both"), this.tileSizes_ = null, e.tileSizes !== void 0 && (this.tileSizes_ = e.tileSizes, V(this.tileSizes_.length == this.resolutions_.length, "Number of `tileSizes` and `resolutions` must be equal")), this.tileSize_ = e.tileSize === void 0 ? this.tileSizes_ ? null : Ku : e.tileSize, V(!this.tileSize_ && this.tileSizes_ || this.tileSize_ && !this.tileSizes_, "Either `tileSize` or `tileSizes` must be configured, never both"), this.extent_ = n === void 0 ? null : n, this.fullTileRanges_ = null, this.tmpSize_ = [0, 0], this.tmpExtent_ = [
			0,
			0,
			0,
			0
		], e.sizes === void 0 ? n && this.calculateTileRanges_(n) : this.fullTileRanges_ = e.sizes.map((e, t) => {
			let r = new Cf(Math.min(0, e[0]), Math.max(e[0] - 1, -1), Math.min(0, e[1]), Math.max(e[1] - 1, -1));
			if (n) {
				let e = this.getTileRangeForExtentAndZ(n, t);
				r.minX = Math.max(e.minX, r.minX), r.maxX = Math.min(e.maxX, r.maxX), r.minY = Math.max(e.minY, r.minY), r.maxY = Math.min(e.maxY, r.maxY);
			}
			return r;
		});
	}
	forEachTileCoord(e, t, n) {
		let r = this.getTileRangeForExtentAndZ(e, t);
		for (let e = r.minX, i = r.maxX; e <= i; ++e) for (let i = r.minY, a = r.maxY; i <= a; ++i) n([
			t,
			e,
			i
		]);
	}
	forEachTileCoordParentTileRange(e, t, n, r) {
		let i, a, o, s = null, c = e[0] - 1;
		for (this.zoomFactor_ === 2 ? (a = e[1], o = e[2]) : s = this.getTileCoordExtent(e, r); c >= this.minZoom;) {
			if (a !== void 0 && o !== void 0 ? (a = Math.floor(a / 2), o = Math.floor(o / 2), i = wf(a, a, o, o, n)) : i = this.getTileRangeForExtentAndZ(s, c, n), t(c, i)) return !0;
			--c;
		}
		return !1;
	}
	getExtent() {
		return this.extent_;
	}
	getMaxZoom() {
		return this.maxZoom;
	}
	getMinZoom() {
		return this.minZoom;
	}
	getOrigin(e) {
		return this.origin_ ? this.origin_ : this.origins_[e];
	}
	getResolution(e) {
		return this.resolutions_[e];
	}
	getResolutions() {
		return this.resolutions_;
	}
	getTileCoordChildTileRange(e, t, n) {
		if (e[0] < this.maxZoom) {
			if (this.zoomFactor_ === 2) {
				let n = e[1] * 2, r = e[2] * 2;
				return wf(n, n + 1, r, r + 1, t);
			}
			let r = this.getTileCoordExtent(e, n || this.tmpExtent_);
			return this.getTileRangeForExtentAndZ(r, e[0] + 1, t);
		}
		return null;
	}
	getTileRangeForTileCoordAndZ(e, t, n) {
		if (t > this.maxZoom || t < this.minZoom) return null;
		let r = e[0], i = e[1], a = e[2];
		if (t === r) return wf(i, a, i, a, n);
		if (this.zoomFactor_) {
			let e = this.zoomFactor_ ** +(t - r), o = Math.floor(i * e), s = Math.floor(a * e);
			return t < r ? wf(o, o, s, s, n) : wf(o, Math.floor(e * (i + 1)) - 1, s, Math.floor(e * (a + 1)) - 1, n);
		}
		let o = this.getTileCoordExtent(e, this.tmpExtent_);
		return this.getTileRangeForExtentAndZ(o, t, n);
	}
	getTileRangeForExtentAndZ(e, t, n) {
		this.getTileCoordForXYAndZ_(e[0], e[3], t, !1, S_);
		let r = S_[1], i = S_[2];
		return this.getTileCoordForXYAndZ_(e[2], e[1], t, !0, S_), wf(r, S_[1], i, S_[2], n);
	}
	getTileCoordCenter(e) {
		let t = this.getOrigin(e[0]), n = this.getResolution(e[0]), r = Go(this.getTileSize(e[0]), this.tmpSize_);
		return [t[0] + (e[1] + .5) * r[0] * n, t[1] - (e[2] + .5) * r[1] * n];
	}
	getTileCoordExtent(e, t) {
		let n = this.getOrigin(e[0]), r = this.getResolution(e[0]), i = Go(this.getTileSize(e[0]), this.tmpSize_), a = n[0] + e[1] * i[0] * r, o = n[1] - (e[2] + 1) * i[1] * r;
		return be(a, o, a + i[0] * r, o + i[1] * r, t);
	}
	getTileCoordForCoordAndResolution(e, t, n) {
		return this.getTileCoordForXYAndResolution_(e[0], e[1], t, !1, n);
	}
	getTileCoordForXYAndResolution_(e, t, n, r, i) {
		let a = this.getZForResolution(n), o = n / this.getResolution(a), s = this.getOrigin(a), c = Go(this.getTileSize(a), this.tmpSize_), l = o * (e - s[0]) / n / c[0], u = o * (s[1] - t) / n / c[1];
		return r ? (l = rt(l, C_) - 1, u = rt(u, C_) - 1) : (l = nt(l, C_), u = nt(u, C_)), Zh(a, l, u, i);
	}
	getTileCoordForXYAndZ_(e, t, n, r, i) {
		let a = this.getOrigin(n), o = this.getResolution(n), s = Go(this.getTileSize(n), this.tmpSize_), c = (e - a[0]) / o / s[0], l = (a[1] - t) / o / s[1];
		return r ? (c = rt(c, C_) - 1, l = rt(l, C_) - 1) : (c = nt(c, C_), l = nt(l, C_)), Zh(n, c, l, i);
	}
	getTileCoordForCoordAndZ(e, t, n) {
		return this.getTileCoordForXYAndZ_(e[0], e[1], t, !1, n);
	}
	getTileCoordResolution(e) {
		return this.resolutions_[e[0]];
	}
	getTileSize(e) {
		return this.tileSize_ ? this.tileSize_ : this.tileSizes_[e];
	}
	getFullTileRange(e) {
		return this.fullTileRanges_ ? this.fullTileRanges_[e] : this.extent_ ? this.getTileRangeForExtentAndZ(this.extent_, e) : null;
	}
	getZForResolution(e, t) {
		return qe(xr(this.resolutions_, e, t || 0), this.minZoom, this.maxZoom);
	}
	tileCoordIntersectsViewport(e, t) {
		return Gi(t, 0, t.length, 2, this.getTileCoordExtent(e));
	}
	calculateTileRanges_(e) {
		let t = this.resolutions_.length, n = Array(t);
		for (let r = this.minZoom; r < t; ++r) n[r] = this.getTileRangeForExtentAndZ(e, r);
		this.fullTileRanges_ = n;
	}
};
function T_(e) {
	let t = e.getDefaultTileGrid();
	return t || (t = A_(e), e.setDefaultTileGrid(t)), t;
}
function E_(e, t, n) {
	let r = t[0], i = e.getTileCoordCenter(t), a = j_(n);
	if (!he(a, i)) {
		let t = F(a), n = Math.ceil((a[0] - i[0]) / t);
		return i[0] += t * n, e.getTileCoordForCoordAndZ(i, r);
	}
	return t;
}
function D_(e, t, n, r) {
	r = r === void 0 ? "top-left" : r;
	let i = k_(e, t, n);
	return new w_({
		extent: e,
		origin: Pe(e, r),
		resolutions: i,
		tileSize: n
	});
}
function O_(e) {
	let t = e || {}, n = t.extent || Dn("EPSG:3857").getExtent();
	return new w_({
		extent: n,
		minZoom: t.minZoom,
		tileSize: t.tileSize,
		resolutions: k_(n, t.maxZoom, t.tileSize, t.maxResolution)
	});
}
function k_(e, t, n, r) {
	t = t === void 0 ? Gu : t, n = Go(n === void 0 ? Ku : n);
	let i = Le(e), a = F(e);
	r = r > 0 ? r : Math.max(a / n[0], i / n[1]);
	let o = t + 1, s = Array(o);
	for (let e = 0; e < o; ++e) s[e] = r / 2 ** e;
	return s;
}
function A_(e, t, n, r) {
	return D_(j_(e), t, n, r);
}
function j_(e) {
	e = Dn(e);
	let t = e.getExtent();
	if (!t) {
		let n = 180 * ht.degrees / e.getMetersPerUnit();
		t = be(-n, -n, n, n);
	}
	return t;
}
var M_ = /\{z\}/g, N_ = /\{x\}/g, P_ = /\{y\}/g, F_ = /\{-y\}/g;
function I_(e, t, n, r, i) {
	return e.replace(M_, t.toString()).replace(N_, n.toString()).replace(P_, r.toString()).replace(F_, function() {
		if (i === void 0) throw Error("If the URL template has a {-y} placeholder, the grid extent must be known");
		return (i - r).toString();
	});
}
function L_(e) {
	let t = [], n = /\{([a-z])-([a-z])\}/.exec(e);
	if (n) {
		let r = n[1].charCodeAt(0), i = n[2].charCodeAt(0), a;
		for (a = r; a <= i; ++a) t.push(e.replace(n[0], String.fromCharCode(a)));
		return t;
	}
	if (n = /\{(\d+)-(\d+)\}/.exec(e), n) {
		let r = parseInt(n[2], 10);
		for (let i = parseInt(n[1], 10); i <= r; i++) t.push(e.replace(n[0], i.toString()));
		return t;
	}
	return t.push(e), t;
}
function R_(e, t) {
	return (function(n, r, i) {
		if (!n) return;
		let a, o = n[0];
		if (t) {
			let e = t.getFullTileRange(o);
			e && (a = e.getHeight() - 1);
		}
		return I_(e, o, n[1], n[2], a);
	});
}
function z_(e, t) {
	let n = e.length, r = Array(n);
	for (let i = 0; i < n; ++i) r[i] = R_(e[i], t);
	return B_(r);
}
function B_(e) {
	return e.length === 1 ? e[0] : (function(t, n, r) {
		if (t) return e[$e(eg(t), e.length)](t, n, r);
	});
}
var V_ = class extends ac {
	constructor(e) {
		super({
			attributions: e.attributions,
			attributionsCollapsible: e.attributionsCollapsible,
			projection: e.projection,
			state: e.state,
			wrapX: e.wrapX,
			interpolate: e.interpolate
		}), this.on, this.once, this.un, this.tilePixelRatio_ = e.tilePixelRatio === void 0 ? 1 : e.tilePixelRatio, this.tileGrid = e.tileGrid === void 0 ? null : e.tileGrid, this.tileGrid && Go(this.tileGrid.getTileSize(this.tileGrid.getMinZoom()), [256, 256]), this.tmpSize = [0, 0], this.key_ = e.key || L(this), this.tileOptions = {
			transition: e.transition,
			interpolate: e.interpolate
		}, this.zDirection = e.zDirection ? e.zDirection : 0;
	}
	getGutterForProjection(e) {
		return 0;
	}
	getKey() {
		return this.key_;
	}
	setKey(e) {
		this.key_ !== e && (this.key_ = e, this.changed());
	}
	getResolutions(e) {
		let t = e ? this.getTileGridForProjection(e) : this.tileGrid;
		return t ? t.getResolutions() : null;
	}
	getTile(e, t, n, r, i, a) {
		return I();
	}
	getTileGrid() {
		return this.tileGrid;
	}
	getTileGridForProjection(e) {
		return this.tileGrid ? this.tileGrid : T_(e);
	}
	getTilePixelRatio(e) {
		return this.tilePixelRatio_;
	}
	getTilePixelSize(e, t, n) {
		let r = this.getTileGridForProjection(n), i = this.getTilePixelRatio(t), a = Go(r.getTileSize(e), this.tmpSize);
		return i == 1 ? a : Wo(a, i, this.tmpSize);
	}
	getTileCoordForTileUrlFunction(e, t) {
		let n = t === void 0 ? this.getProjection() : t, r = t === void 0 && this.tileGrid || this.getTileGridForProjection(n);
		return this.getWrapX() && n.isGlobal() && (e = E_(r, e, n)), ng(e, r) ? e : null;
	}
	clear() {}
	refresh() {
		this.clear(), super.refresh();
	}
}, H_ = class extends jr {
	constructor(e, t) {
		super(e), this.tile = t;
	}
}, U_ = {
	TILELOADSTART: "tileloadstart",
	TILELOADEND: "tileloadend",
	TILELOADERROR: "tileloaderror"
}, W_ = class e extends V_ {
	constructor(t) {
		super({
			attributions: t.attributions,
			cacheSize: t.cacheSize,
			projection: t.projection,
			state: t.state,
			tileGrid: t.tileGrid,
			tilePixelRatio: t.tilePixelRatio,
			wrapX: t.wrapX,
			transition: t.transition,
			interpolate: t.interpolate,
			key: t.key,
			attributionsCollapsible: t.attributionsCollapsible,
			zDirection: t.zDirection
		}), this.generateTileUrlFunction_ = this.tileUrlFunction === e.prototype.tileUrlFunction, this.tileLoadFunction = t.tileLoadFunction, t.tileUrlFunction && (this.tileUrlFunction = t.tileUrlFunction), this.urls = null, t.urls ? this.setUrls(t.urls) : t.url && this.setUrl(t.url), this.tileLoadingKeys_ = {};
	}
	getTileLoadFunction() {
		return this.tileLoadFunction;
	}
	getTileUrlFunction() {
		return Object.getPrototypeOf(this).tileUrlFunction === this.tileUrlFunction ? this.tileUrlFunction.bind(this) : this.tileUrlFunction;
	}
	getUrls() {
		return this.urls;
	}
	handleTileChange(e) {
		let t = e.target, n = L(t), r = t.getState(), i;
		r == X.LOADING ? (this.tileLoadingKeys_[n] = !0, i = U_.TILELOADSTART) : n in this.tileLoadingKeys_ && (delete this.tileLoadingKeys_[n], i = r == X.ERROR ? U_.TILELOADERROR : r == X.LOADED ? U_.TILELOADEND : void 0), i != null && this.dispatchEvent(new H_(i, t));
	}
	setTileLoadFunction(e) {
		this.tileLoadFunction = e, this.changed();
	}
	setTileUrlFunction(e, t) {
		this.tileUrlFunction = e, typeof t < "u" ? this.setKey(t) : this.changed();
	}
	setUrl(e) {
		let t = L_(e);
		this.urls = t, this.setUrls(t);
	}
	setUrls(e) {
		this.urls = e;
		let t = e.join("\n");
		this.generateTileUrlFunction_ ? this.setTileUrlFunction(z_(e, this.tileGrid), t) : this.setKey(t);
	}
	tileUrlFunction(e, t, n) {}
}, G_ = class extends W_ {
	constructor(e) {
		super({
			attributions: e.attributions,
			cacheSize: e.cacheSize,
			projection: e.projection,
			state: e.state,
			tileGrid: e.tileGrid,
			tileLoadFunction: e.tileLoadFunction ? e.tileLoadFunction : K_,
			tilePixelRatio: e.tilePixelRatio,
			tileUrlFunction: e.tileUrlFunction,
			url: e.url,
			urls: e.urls,
			wrapX: e.wrapX,
			transition: e.transition,
			interpolate: e.interpolate === void 0 || e.interpolate,
			key: e.key,
			attributionsCollapsible: e.attributionsCollapsible,
			zDirection: e.zDirection
		}), this.crossOrigin = e.crossOrigin === void 0 ? null : e.crossOrigin, this.tileClass = e.tileClass === void 0 ? ld : e.tileClass, this.tileGridForProjection = {}, this.reprojectionErrorThreshold_ = e.reprojectionErrorThreshold, this.renderReprojectionEdges_ = !1;
	}
	getGutterForProjection(e) {
		return this.getProjection() && e && !Fn(this.getProjection(), e) ? 0 : this.getGutter();
	}
	getGutter() {
		return 0;
	}
	getKey() {
		let e = super.getKey();
		return this.getInterpolate() || (e += ":disable-interpolation"), e;
	}
	getTileGridForProjection(e) {
		let t = this.getProjection();
		if (this.tileGrid && (!t || Fn(t, e))) return this.tileGrid;
		let n = L(e);
		return n in this.tileGridForProjection || (this.tileGridForProjection[n] = T_(e)), this.tileGridForProjection[n];
	}
	createTile_(e, t, n, r, i, a) {
		let o = [
			e,
			t,
			n
		], s = this.getTileCoordForTileUrlFunction(o, i), c = s ? this.tileUrlFunction(s, r, i) : void 0, l = new this.tileClass(o, c === void 0 ? X.EMPTY : X.IDLE, c === void 0 ? "" : c, this.crossOrigin, this.tileLoadFunction, this.tileOptions);
		return l.key = a, l.addEventListener(R.CHANGE, this.handleTileChange.bind(this)), l;
	}
	getTile(e, t, n, r, i, a) {
		let o = this.getProjection();
		if (!o || !i || Fn(o, i)) return this.getTileInternal(e, t, n, r, o || i);
		let s = [
			e,
			t,
			n
		], c = this.getKey(), l = new Yh(o, this.getTileGridForProjection(o), i, this.getTileGridForProjection(i), s, this.getTileCoordForTileUrlFunction(s, i), this.getTilePixelRatio(r), this.getGutter(), (e, t, n, r) => this.getTileInternal(e, t, n, r, o, a), this.reprojectionErrorThreshold_, this.renderReprojectionEdges_, this.tileOptions);
		return l.key = c, l;
	}
	getTileInternal(e, t, n, r, i, a) {
		let o = this.getKey(), s = $h(this, o, e, t, n);
		if (a && a.containsKey(s)) return a.get(s);
		let c = this.createTile_(e, t, n, r, i, o);
		return a?.set(s, c), c;
	}
	setRenderReprojectionEdges(e) {
		this.renderReprojectionEdges_ != e && (this.renderReprojectionEdges_ = e, this.changed());
	}
	setTileGridForProjection(e, t) {
		let n = Dn(e);
		if (n) {
			let e = L(n);
			e in this.tileGridForProjection || (this.tileGridForProjection[e] = t);
		}
	}
};
function K_(e, t) {
	if (_a) {
		let n = e.getCrossOrigin(), r = "same-origin", i = "same-origin";
		n === "anonymous" || n === "" ? (r = "cors", i = "omit") : n === "use-credentials" && (r = "cors", i = "include"), fetch(t, {
			mode: r,
			credentials: i
		}).then((e) => {
			if (!e.ok) throw Error(`HTTP ${e.status}`);
			return e.blob();
		}).then((e) => createImageBitmap(e)).then((t) => {
			let n = e.getImage();
			n.width = t.width, n.height = t.height, n.getContext("2d").drawImage(t, 0, 0), t.close?.(), n.dispatchEvent(new Event("load"));
		}).catch(() => {
			e.getImage().dispatchEvent(new Event("error"));
		});
	} else e.getImage().src = t;
}
var q_ = class extends G_ {
	constructor(e) {
		e ||= {};
		let t = e.projection === void 0 ? "EPSG:3857" : e.projection, n = e.tileGrid === void 0 ? O_({
			extent: j_(t),
			maxResolution: e.maxResolution,
			maxZoom: e.maxZoom,
			minZoom: e.minZoom,
			tileSize: e.tileSize
		}) : e.tileGrid;
		super({
			attributions: e.attributions,
			cacheSize: e.cacheSize,
			crossOrigin: e.crossOrigin,
			interpolate: e.interpolate,
			projection: t,
			reprojectionErrorThreshold: e.reprojectionErrorThreshold,
			tileGrid: n,
			tileLoadFunction: e.tileLoadFunction,
			tilePixelRatio: e.tilePixelRatio,
			tileUrlFunction: e.tileUrlFunction,
			url: e.url,
			urls: e.urls,
			wrapX: e.wrapX === void 0 || e.wrapX,
			transition: e.transition,
			attributionsCollapsible: e.attributionsCollapsible,
			zDirection: e.zDirection
		}), this.gutter_ = e.gutter === void 0 ? 0 : e.gutter;
	}
	getGutter() {
		return this.gutter_;
	}
}, J_ = "&#169; <a href=\"https://www.openstreetmap.org/copyright\" target=\"_blank\">OpenStreetMap</a> contributors.", Y_ = class extends q_ {
	constructor(e) {
		e ||= {};
		let t;
		t = e.attributions === void 0 ? [J_] : e.attributions;
		let n = e.crossOrigin === void 0 ? "anonymous" : e.crossOrigin, r = e.url === void 0 ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : e.url;
		super({
			attributions: t,
			attributionsCollapsible: !1,
			cacheSize: e.cacheSize,
			crossOrigin: n,
			interpolate: e.interpolate,
			maxZoom: e.maxZoom === void 0 ? 19 : e.maxZoom,
			reprojectionErrorThreshold: e.reprojectionErrorThreshold,
			tileLoadFunction: ((t, n) => {
				let r = t.getImage();
				!_a && r instanceof HTMLImageElement && (r.referrerPolicy = "origin-when-cross-origin"), (e.tileLoadFunction || K_)(t, n);
			}),
			transition: e.transition,
			url: r,
			wrapX: e.wrapX,
			zDirection: e.zDirection
		});
	}
}, X_ = {
	LOADING: "loading",
	READY: "ready",
	ERROR: "error",
	CAPTURING: "capturing"
}, Z_ = "EPSG:3857", Q_ = "odk_value";
function $_(e, t) {
	let n, r, i, a, s = ne(e.mode), c = l(X_.LOADING), u = l(), d = new lc(), f = new sd({
		source: d,
		style: e.mode === A.DRAW ? np(Sm, ym) : Zf(vm, bm),
		updateWhileAnimating: !0
	}), p = new d_({
		source: d,
		style: [
			...Yf(vm, xm, bm),
			...Xf(vm, xm, bm),
			...Zf(vm, bm)
		],
		variables: {
			[bm]: "",
			[xm]: ""
		}
	}), m = (t, o, l) => {
		if (!n) {
			if (s.capabilities.canLoadMultiFeatures && !Up()) {
				c.value = X_.ERROR, u.value = {
					title: g("map_block.graphics_error.title"),
					message: g("map_block.graphics_error.message")
				};
				return;
			}
			n = new xf({
				target: t,
				layers: [new x_({ source: new Y_() })],
				view: new Ju({
					center: fp,
					zoom: pp,
					multiWorld: !1,
					projection: Z_,
					extent: Dn(Z_)?.getExtent()
				}),
				controls: [new Td(), new Cd({ collapsible: !1 })],
				interactions: df({ doubleClickZoom: !1 }),
				moveTolerance: 8
			}), i = Cp(n), r = m_(n, s.capabilities, e.singleFeatureType), a = Cm(n, s.capabilities, i, p), h(o, l), r.setupMapVisibilityObserver(t, () => me()), c.value = X_.READY;
		}
	}, h = (e, t) => {
		if (!n) return;
		if (s.capabilities.canLoadMultiFeatures) {
			n.addLayer(p), E(e, t);
			return;
		}
		if (n.addLayer(f), !t) return;
		let r = a?.createFeatureFromGeoJSON(t);
		re(r);
	}, _ = (e) => {
		!n || !r || (r.removeMapInteractions(), !e && (s.interactions.select && r.toggleSelectEvent(!0, (e, n) => {
			a?.selectFeature(e, n), t.onVertexSelect(Ip(e, n));
		}), s.interactions.dragFeature && r.setupFeatureDrag(f, (e) => y(e)), s.interactions.tapToAdd && (r.setupTapToAddVertex(d, (e) => y(e)), s.interactions.dragFeatureAndVertex && r.setupVertexDrag(d, (e) => y(e)))));
	}, v = (e) => {
		e.set(Q_, Hp(e)), a?.saveFeature(e);
		let n = e.get(ym);
		t.onVertexSelect(Ip(e, n));
	}, y = (e) => {
		v(e), t.onFeaturePlacement && t.onFeaturePlacement();
	}, b = () => {
		if (!C()) return;
		let e = a?.getSelectedFeature(), t = e?.get(ym);
		e && t !== void 0 && (r?.pushUndoState(e), zp(e, t) > 0 ? (v(e), N()) : T());
	}, x = () => {
		let e = a?.getSelectedFeature();
		C() && e && (r?.pushUndoState(e), T());
	}, S = () => {
		let e = a?.getSelectedFeature();
		return e && e.get(ym) === void 0;
	}, C = () => {
		let { canDeleteFeature: e, canLoadMultiFeatures: t } = s.capabilities;
		return e && !t;
	}, w = () => {
		let { canUndoLastChange: e, canLoadMultiFeatures: t } = s.capabilities;
		return !!r?.hasUndoHistory() && e && !t;
	}, ee = () => {
		if (w()) {
			T();
			let e = r?.popUndoState();
			e && (d.addFeature(e), v(e), N());
		}
	}, T = () => {
		N(), oe(), d.clear();
	}, E = (e, t) => {
		ie(e), a?.findAndSaveFeature(d, t, !0);
	}, D = (e) => {
		if (!e.length || !s.capabilities.canUpdateVertexCoordinates) return;
		let t = a?.getSavedFeature(), n = t?.get(ym);
		n !== void 0 && (r?.pushUndoState(t), Bp(t, n, e), v(t), i?.fitToAllFeatures(d));
	}, O = (e) => {
		if (!e.length || !s.capabilities.canUpdateFeatureCoordinates) return;
		let t = d.getFeatures()?.[0];
		t ? te(t, e) : k(e), i?.fitToAllFeatures(d);
	}, k = (t) => {
		let n = a?.createFeatureFromType(e.singleFeatureType, t);
		n && (r?.pushUndoState(null), d.addFeature(n), v(n));
	}, te = (e, t) => {
		let n = e.getGeometry();
		n && (r?.pushUndoState(e), n.setCoordinates(t, dp), v(e), N());
	}, re = (e) => {
		!n || s.capabilities.canLoadMultiFeatures || !e || (c.value = X_.LOADING, a?.loadAndSaveSingleFeature(d, e), t.onFeaturePlacement?.(), c.value = X_.READY);
	}, ie = (e) => {
		!n || !s.capabilities.canLoadMultiFeatures || (c.value = X_.LOADING, T(), e.features.length ? a?.loadFeatureCollection(d, e) : i?.centerFullWorldView(), c.value = X_.READY);
	}, M = () => {
		let e = i?.getUserCurrentLocation(), { canSaveCurrentLocation: t } = s.capabilities;
		if (!t || a?.getSavedFeature() || !e) return;
		let n = ce(e.longitude, e.latitude, e.altitude, e.accuracy), r = a?.createFeatureFromType(j.POINT, Nn(n));
		r && (r.set(Q_, Hp(r)), re(r));
	}, ae = () => {
		s.capabilities.canLoadMultiFeatures ? oe() : (s.capabilities.canSaveCurrentLocation && me(), T());
	}, N = () => {
		a?.selectFeature(void 0), t.onVertexSelect(void 0);
	}, oe = () => a?.saveFeature(void 0), se = () => {
		if (me(), i = void 0, r?.teardownMap(), r = void 0, a = void 0, io.clear(), n) {
			n.getLayers().getArray().forEach((e) => {
				e.dispose(), n.removeLayer(e);
			});
			let e = n.getViewport().querySelector("canvas");
			if (e) {
				let t = e.getContext("webgl") ?? e.getContext("webgl2");
				if (t) {
					let e = t.getExtension("WEBGL_lose_context");
					e && e.loseContext();
				}
			}
			n.getInteractions().clear(), n.getOverlays().clear(), n.dispose(), n.setTarget(), n = void 0;
		}
	}, le = () => {
		let { canShowMapOverlayOnError: e, canShowMapOverlay: t } = s.capabilities, n = !i?.getUserCurrentLocation() && !a?.getSavedFeature();
		return c.value === X_.ERROR ? e && n : c.value === X_.READY && t && n;
	}, ue = () => s.capabilities.canRemoveCurrentLocation && !!a?.getSavedFeature(), P = () => s.interactions.tapToAdd && s.interactions.dragFeatureAndVertex, de = () => s.interactions.tapToAdd && s.interactions.dragFeature, fe = () => {
		let { singleFeatureType: t } = e;
		if (t !== j.SHAPE && t !== j.TRACE) return !1;
		let { canUpdateFeatureCoordinates: n, canUpdateVertexCoordinates: r } = s.capabilities;
		return n || r;
	}, pe = () => {
		c.value = X_.CAPTURING, i?.watchCurrentLocation(() => {
			c.value = X_.READY, M();
		}, () => {
			c.value = X_.ERROR, u.value = {
				title: g("map_block.location_error.title"),
				message: g("map_block.location_error.message")
			};
		});
	}, me = () => {
		c.value = X_.READY, i?.stopWatchingCurrentLocation();
	};
	return o(() => c.value, (e) => {
		e !== X_.ERROR && (u.value = void 0);
	}), {
		currentState: c,
		errorMessage: u,
		initMap: m,
		teardownMap: se,
		updateFeatureCollection: E,
		updateVertexCoords: D,
		updateFeatureCoordinates: O,
		setupMapInteractions: _,
		isMapEmpty: () => d.isEmpty(),
		fitToAllFeatures: () => i?.fitToAllFeatures(d),
		watchCurrentLocation: pe,
		stopWatchingCurrentLocation: me,
		canRemoveCurrentLocation: ue,
		discardSavedFeature: ae,
		saveSelectedFeature: () => a?.saveSelectedFeature(),
		findAndSaveFeature: (e) => a?.findAndSaveFeature(d, e, s.capabilities.canViewProperties),
		getSavedFeature: () => a?.getSavedFeature()?.clone(),
		getSavedFeatureValue: () => a?.getSavedFeatureValue(),
		isSavedFeatureSelected: () => !!a?.isSavedFeatureSelected(),
		confirmDeleteFeature: S,
		deleteFeature: x,
		deleteVertex: b,
		canDeleteFeatureOrVertex: C,
		canUndoChange: w,
		undoLastChange: ee,
		isFeatureSelected: () => !!a?.getSelectedFeature(),
		getSelectedFeatureProperties: () => a?.getSelectedFeatureProperties(),
		selectSavedFeature: () => a?.selectFeature(a?.getSavedFeature()),
		unselectFeature: N,
		canDragFeatureAndVertex: P,
		canDragFeature: de,
		canViewProperties: () => s.capabilities.canViewProperties,
		canOpenAdvancedPanel: fe,
		shouldShowMapOverlay: le
	};
}
var ev = {
	key: 0,
	class: "map-properties"
}, tv = { class: "map-properties-header" }, nv = { class: "map-properties-content" }, rv = { class: "map-properties-footer" }, iv = /* @__PURE__ */ ae(/* @__PURE__ */ m({
	__name: "MapProperties",
	props: {
		reservedProps: {},
		orderedExtraProps: {},
		isSavedFeatureSelected: { type: Boolean },
		canRemove: { type: Boolean },
		canSave: { type: Boolean }
	},
	emits: [
		"close",
		"save",
		"discard"
	],
	setup(n, { emit: a }) {
		let o = n, s = a, c = r(() => {
			let e = o.reservedProps?.[Q_];
			return e ? o.orderedExtraProps.get(e) ?? [] : [];
		});
		return (r, a) => n.reservedProps ? (t(), k("div", ev, [
			p("div", tv, [p("strong", null, x(n.reservedProps.odk_label ?? n.reservedProps.odk_geometry), 1), p("button", {
				class: "close-icon",
				onClick: a[0] ||= (e) => s("close")
			}, [f(N, { name: "mdiClose" })])]),
			p("dl", nv, [(t(!0), k(i, null, y(c.value, ([e = "", n = ""]) => (t(), k("div", {
				key: e,
				class: "property-line"
			}, [p("dt", null, x(e), 1), p("dd", null, x(n), 1)]))), 128))]),
			p("div", rv, [n.isSavedFeatureSelected && n.canRemove ? (t(), te(M(D), {
				key: 0,
				outlined: "",
				severity: "contrast",
				onClick: a[1] ||= (e) => s("discard")
			}, {
				default: v(() => [...a[3] ||= [p("span", null, "–", -1), p("span", null, g("map_properties.remove_selection.label"), -1)]]),
				_: 1
			})) : e("", !0), !n.isSavedFeatureSelected && n.canSave ? (t(), te(M(D), {
				key: 1,
				onClick: a[2] ||= (e) => s("save")
			}, {
				default: v(() => [f(N, {
					name: "mdiCheckboxMarkedCircleOutline",
					size: "sm",
					variant: "inverted"
				}), a[4] ||= p("span", null, g("map_properties.save_selected.label"), -1)]),
				_: 1
			})) : e("", !0)])
		])) : e("", !0);
	}
}), [["__scopeId", "data-v-d705b86b"]]), av = { class: "map-status-container" }, ov = {
	key: 0,
	class: "map-status"
}, sv = {
	key: 1,
	class: "map-status"
}, cv = {
	key: 2,
	class: "map-status-buttons"
}, lv = "mdiVectorPolyline", uv = "mdiVectorPolygon", dv = /* @__PURE__ */ ae(/* @__PURE__ */ m({
	__name: "MapStatusBar",
	props: {
		savedFeatureValue: {},
		selectedVertex: {},
		singleFeatureType: {},
		isCapturing: { type: Boolean },
		isFullScreen: { type: Boolean },
		canRemove: { type: Boolean },
		canViewDetails: { type: Boolean },
		canOpenAdvancedPanel: { type: Boolean }
	},
	emits: [
		"discard",
		"toggle-advanced-panel",
		"view-details"
	],
	setup(n, { emit: i }) {
		let a = n, o = i, s = r(() => a.singleFeatureType === j.TRACE ? {
			message: g("map_status_bar.no_trace_saved.label"),
			icon: lv
		} : a.singleFeatureType === j.SHAPE ? {
			message: g("map_status_bar.no_shape_saved.label"),
			icon: uv
		} : {
			message: g("map_status_bar.no_point_saved.label"),
			icon: "mdiMapMarkerOutline"
		}), l = r(() => {
			if (!a.selectedVertex || a.selectedVertex.length < 2) return "";
			let [e, t, n, r] = Pn(a.selectedVertex), i = [g("map_status_bar.vertex_longitude.label", { longitude: e }), g("map_status_bar.vertex_latitude.label", { latitude: t })];
			return n != null && i.push(g("map_status_bar.vertex_altitude.label", { altitude: n })), r != null && i.push(g("map_status_bar.vertex_accuracy.label", { accuracy: w(r, { decimals: 3 }) })), i.join(", ");
		}), u = (e = []) => {
			if (a.singleFeatureType === j.POINT && e?.length) return 1;
			if (a.singleFeatureType === j.TRACE) return e.length;
			let t = e[0];
			return a.singleFeatureType === j.SHAPE && Array.isArray(t) && kp(t[0], t[t.length - 1]) ? t.length - 1 : 0;
		}, d = (e) => {
			let t = e?.toLowerCase();
			return g(t === "point" ? "map_status_bar.point_saved.label" : t === "linestring" ? "map_status_bar.trace_saved.label" : t === "polygon" ? "map_status_bar.shape_saved.label" : "map_status_bar.feature_saved.label");
		}, m = r(() => {
			let e = a.savedFeatureValue?.geometry;
			if (!a.singleFeatureType && e) return {
				message: d(e.type),
				icon: "mdiCheckCircle",
				highlight: !0
			};
			let t = u(e?.coordinates);
			if (t === 0) return null;
			let n = g("map_status_bar.points_saved.label", { count: t });
			return a.singleFeatureType === j.TRACE ? {
				message: n,
				icon: lv
			} : a.singleFeatureType === j.SHAPE ? {
				message: n,
				icon: uv
			} : {
				message: g("map_status_bar.point_saved.label"),
				icon: "mdiCheckCircle",
				highlight: !0
			};
		}), h = r(() => {
			let e = m.value ?? s.value;
			return l.value.length ? {
				...e,
				message: l.value
			} : { ...e };
		});
		return (r, i) => (t(), k("div", { class: c(["map-status-bar", { "full-screen-active": n.isFullScreen }]) }, [p("div", av, [
			n.isCapturing ? (t(), k("div", ov, [f(M(se), {
				class: "map-status-spinner",
				"stroke-width": "5px"
			}), i[3] ||= p("span", null, g("map_status_bar.capturing.label"), -1)])) : e("", !0),
			!n.isCapturing && h.value ? (t(), k("div", sv, [f(N, {
				name: h.value.icon,
				variant: h.value.highlight ? "success" : "base"
			}, null, 8, ["name", "variant"]), p("span", null, x(h.value.message), 1)])) : e("", !0),
			m.value ? (t(), k("div", cv, [n.canRemove ? (t(), te(M(D), {
				key: 0,
				outlined: "",
				severity: "contrast",
				onClick: i[0] ||= (e) => o("discard")
			}, {
				default: v(() => [...i[4] ||= [
					p("span", null, "–", -1),
					p("span", { class: "mobile-only" }, g("map_status_bar.remove.label"), -1),
					p("span", { class: "desktop-only" }, g("map_status_bar.remove_point.label"), -1)
				]]),
				_: 1
			})) : e("", !0), n.canViewDetails ? (t(), te(M(D), {
				key: 1,
				outlined: "",
				severity: "contrast",
				onClick: i[1] ||= (e) => o("view-details")
			}, {
				default: v(() => [...i[5] ||= [p("span", null, g("map_status_bar.view_details.label"), -1)]]),
				_: 1
			})) : e("", !0)])) : e("", !0)
		]), n.canOpenAdvancedPanel ? (t(), te(M(D), {
			key: 0,
			class: "advanced-button",
			outlined: "",
			severity: "contrast",
			onClick: i[2] ||= (e) => o("toggle-advanced-panel")
		}, {
			default: v(() => [f(N, { name: "mdiCogOutline" }), i[6] ||= p("span", null, g("map_status_bar.advanced.label"), -1)]),
			_: 1
		})) : e("", !0)], 2));
	}
}), [["__scopeId", "data-v-f8d03afc"]]), fv = { class: "dialog-field-container" }, pv = {
	key: 0,
	class: "coords-error-message"
}, mv = { class: "dialog-field-container" }, hv = {
	key: 0,
	class: "file-added-container"
}, gv = { class: "file-name" }, _v = {
	key: 1,
	class: "coords-error-message"
}, vv = /* @__PURE__ */ ae(/* @__PURE__ */ m({
	__name: "MapUpdateCoordsDialog",
	props: {
		visible: { type: Boolean },
		singleFeatureType: {}
	},
	emits: ["update:visible", "save"],
	setup(n, { emit: r }) {
		let i = n, s = r, c = a(""), l = a(null), u = a(null), d = a(!1), m = a(null), h = a(null), _ = () => {
			E(), l.value?.click();
		}, y = (e) => {
			let t = e.target.files?.[0];
			t && (u.value = t);
		}, b = async (e) => {
			try {
				let t = await e.text();
				if (!t?.trim()?.length) {
					A(g("map_update_coords_dialog.file_empty.error"));
					return;
				}
				if (e.name.toLowerCase().endsWith(".geojson")) return ee(t);
				A(g("map_update_coords_dialog.unsupported_file.error"));
			} catch {
				A(g("map_update_coords_dialog.parse_failed.error"));
			}
		}, C = () => {
			let e = c.value.trim();
			if (e.length) return ie(e);
		}, w = async () => {
			re(), d.value = !0;
			let e;
			u.value ? e = await b(u.value) : c.value.length && (e = C());
			let t = Wp(e, i.singleFeatureType);
			d.value = !1;
			let n = g("map_update_coords_dialog.incorrect_geometry.error");
			!t?.length && u.value ? A(n) : !t?.length && c.value.length ? j(n) : (T(), s("save", t));
		}, T = () => {
			E(), s("update:visible", !1);
		}, E = () => {
			c.value = "", d.value = !1, ne(), re();
		}, ne = () => {
			u.value = null, l.value && (l.value.value = "");
		}, re = () => {
			m.value = null, h.value = null;
		}, A = (e) => h.value ??= e, j = (e) => m.value ??= e;
		return o(c, (e) => {
			re(), e && u.value && ne();
		}), (r, i) => (t(), te(M(O), {
			visible: n.visible,
			modal: "",
			class: "map-paste-dialog",
			draggable: !1,
			"onUpdate:visible": i[1] ||= (e) => s("update:visible", e),
			onAfterHide: E
		}, {
			header: v(() => [...i[2] ||= [p("strong", null, g("map_update_coords_dialog.header.title"), -1)]]),
			default: v(() => [p("div", fv, [
				i[3] ||= p("label", { for: "paste-input" }, [p("span", null, g("map_update_coords_dialog.paste_data.label")), p("span", {
					class: "info-helper",
					title: "Enter as: Lat Long Alt Acc (e.g. 45.5 -122.6 15 2; 45.6 -122.7 12 3)"
				}, " ⓘ ")], -1),
				f(M(S), {
					id: "paste-input",
					modelValue: c.value,
					"onUpdate:modelValue": i[0] ||= (e) => c.value = e,
					disabled: d.value,
					"auto-resize": "",
					rows: "1"
				}, null, 8, ["modelValue", "disabled"]),
				m.value?.length ? (t(), k("p", pv, x(m.value), 1)) : e("", !0)
			]), p("div", mv, [
				i[5] ||= p("label", null, g("map_update_coords_dialog.upload_file.label"), -1),
				u.value ? (t(), k("div", hv, [
					f(N, { name: "mdiFileOutline" }),
					p("span", gv, x(u.value.name), 1),
					f(N, {
						class: "clear-file",
						name: "mdiClose",
						variant: "muted",
						size: "sm",
						onClick: E
					})
				])) : e("", !0),
				h.value?.length ? (t(), k("p", _v, x(h.value), 1)) : e("", !0),
				f(M(D), {
					class: "upload-button",
					outlined: "",
					severity: "contrast",
					disabled: d.value,
					onClick: _
				}, {
					default: v(() => [f(N, { name: "mdiUpload" }), i[4] ||= p("span", null, g("map_update_coords_dialog.upload_file.action"), -1)]),
					_: 1
				}, 8, ["disabled"]),
				p("input", {
					ref_key: "fileInput",
					ref: l,
					type: "file",
					accept: ".geojson,application/json",
					onChange: y
				}, null, 544)
			])]),
			footer: v(() => [f(M(D), {
				label: g("map_update_coords_dialog.save.label"),
				disabled: !u.value && !c.value.length,
				onClick: w
			}, null, 8, ["disabled"])]),
			_: 1
		}, 8, ["visible"]));
	}
}), [["__scopeId", "data-v-2b003337"]]), yv = { class: "map-block-component" }, bv = {
	key: 1,
	class: "map-overlay get-location-overlay"
}, xv = { key: 0 }, Sv = { key: 1 }, Cv = { class: "error-message" }, wv = /* @__PURE__ */ ae(/* @__PURE__ */ m({
	__name: "MapBlock",
	props: {
		featureCollection: {},
		disabled: { type: Boolean },
		singleFeatureType: {},
		mode: {},
		orderedExtraProps: {},
		savedFeatureValue: {}
	},
	emits: ["save"],
	setup(n, { emit: l }) {
		let m = n, _ = l, y = a(), b = a(!1), S = a(!1), w = a(!1), ee = a(!1), T = a(!1), E = a(), O = a(!1), ne = s(C, r(() => !1)), A = $_({
			mode: m.mode,
			singleFeatureType: m.singleFeatureType
		}, {
			onFeaturePlacement: () => oe(),
			onVertexSelect: (e) => E.value = e
		}), j = r(() => A.canOpenAdvancedPanel() && E.value?.length ? Pn(E.value) : null), ie = r(() => !m.disabled && (A.canUndoChange() || A.canDeleteFeatureOrVertex())), ae = r(() => m.disabled ? null : A.canDragFeatureAndVertex() ? {
			placed: g("map_block.drag_vertex_instruction.placed"),
			default: g("map_block.drag_vertex_instruction.default")
		} : A.canDragFeature() ? {
			placed: g("map_block.drag_instruction.placed"),
			default: g("map_block.drag_instruction.default")
		} : null);
		h(() => {
			!y.value || !A || (A.initMap(y.value, m.featureCollection, m.savedFeatureValue), A.setupMapInteractions(m.disabled), document.addEventListener("keydown", se));
		}), le(() => {
			document.removeEventListener("keydown", se), A.teardownMap();
		}), o(() => m.featureCollection, (e) => {
			A.updateFeatureCollection(e, m.savedFeatureValue), ce();
		}, { deep: !0 }), o(() => m.savedFeatureValue, (e) => {
			A.findAndSaveFeature(e);
		}), o(() => m.disabled, (e) => A.setupMapInteractions(e)), o(b, async (e) => {
			e || (await u(), S.value = !1, A.fitToAllFeatures(), A.stopWatchingCurrentLocation());
		});
		let oe = () => ce();
		o(() => A.errorMessage.value, () => O.value = !!A.errorMessage.value);
		let se = (e) => {
			e.key === "Escape" && b.value && (b.value = !1);
		}, ce = () => {
			let e = A.getSavedFeatureValue() ?? "";
			T.value = !!e.length, _("save", e);
		}, ue = () => {
			A.saveSelectedFeature(), ce();
		}, P = () => {
			A.discardSavedFeature(), ce();
		}, de = () => {
			A.confirmDeleteFeature() ? w.value = !0 : (A.deleteVertex(), ce());
		}, fe = () => {
			A.deleteFeature(), w.value = !1, ce();
		}, pe = () => {
			A.undoLastChange(), ce();
		}, me = (e) => {
			A.updateFeatureCoordinates(e), ce();
		}, he = (e) => {
			A.updateVertexCoords(e), ce();
		}, ge = () => {
			b.value = !0, A.shouldShowMapOverlay() && A.watchCurrentLocation();
		}, _e = () => {
			b.value = !b.value;
		};
		return (r, a) => (t(), k(i, null, [
			p("div", yv, [p("div", { class: c({
				"map-container": !0,
				"map-full-screen": b.value
			}) }, [
				p("div", {
					ref_key: "mapElement",
					ref: y,
					class: "map-block"
				}, [
					b.value ? e("", !0) : (t(), k("div", {
						key: 0,
						class: "map-overlay full-screen-overlay",
						onClick: ge
					})),
					M(A).shouldShowMapOverlay() ? (t(), k("div", bv, [f(M(D), {
						severity: "secondary",
						outlined: "",
						class: "close-full-screen",
						onClick: a[0] ||= (e) => b.value = !1
					}, {
						default: v(() => [f(N, {
							name: "mdiClose",
							size: "sm"
						})]),
						_: 1
					}), f(M(D), {
						outlined: "",
						severity: "contrast",
						onClick: M(A).watchCurrentLocation
					}, {
						default: v(() => [f(N, { name: "mdiCrosshairsGps" }), a[6] ||= p("span", null, g("map_block.get_location.label"), -1)]),
						_: 1
					}, 8, ["onClick"])])) : e("", !0),
					f(mr, {
						"is-full-screen": b.value,
						"disable-fit-all-features": M(A).isMapEmpty(),
						"disable-undo": !M(A).canUndoChange(),
						"disable-delete": !M(A).isFeatureSelected(),
						"show-secondary-controls": ie.value,
						onToggleFullScreen: _e,
						onFitAllFeatures: M(A).fitToAllFeatures,
						onWatchCurrentLocation: M(A).watchCurrentLocation,
						onTriggerDelete: de,
						onUndoLastChange: pe
					}, null, 8, [
						"is-full-screen",
						"disable-fit-all-features",
						"disable-undo",
						"disable-delete",
						"show-secondary-controls",
						"onFitAllFeatures",
						"onWatchCurrentLocation"
					]),
					ae.value ? (t(), te(M(re), {
						key: 2,
						severity: "contrast",
						closable: "",
						size: "small",
						class: c({
							"map-message": !0,
							"above-secondary-controls": b.value && ie.value
						})
					}, {
						default: v(() => [T.value ? (t(), k("span", xv, x(ae.value.placed), 1)) : (t(), k("span", Sv, x(ae.value.default), 1))]),
						_: 1
					}, 8, ["class"])) : e("", !0)
				], 512),
				f(dv, {
					"can-open-advanced-panel": !n.disabled && M(A).canOpenAdvancedPanel(),
					"can-remove": !n.disabled && M(A).canRemoveCurrentLocation(),
					"can-view-details": M(A).canViewProperties(),
					"single-feature-type": n.singleFeatureType,
					"is-capturing": M(A).currentState.value === M(X_).CAPTURING,
					"is-full-screen": b.value,
					"saved-feature-value": n.savedFeatureValue,
					"selected-vertex": E.value,
					class: "map-status-bar-component",
					onDiscard: P,
					onViewDetails: M(A).selectSavedFeature,
					onToggleAdvancedPanel: a[1] ||= (e) => S.value = !S.value
				}, null, 8, [
					"can-open-advanced-panel",
					"can-remove",
					"can-view-details",
					"single-feature-type",
					"is-capturing",
					"is-full-screen",
					"saved-feature-value",
					"selected-vertex",
					"onViewDetails"
				]),
				!n.disabled && M(A).canOpenAdvancedPanel() ? (t(), te(rr, {
					key: 0,
					"is-open": S.value,
					coordinates: j.value,
					onOpenPasteDialog: a[2] ||= (e) => ee.value = !0,
					onSave: he
				}, null, 8, ["is-open", "coordinates"])) : e("", !0),
				M(A).canViewProperties() ? (t(), te(iv, {
					key: 1,
					"can-remove": !n.disabled,
					"can-save": !n.disabled,
					"is-saved-feature-selected": M(A).isSavedFeatureSelected(),
					"ordered-extra-props": n.orderedExtraProps,
					"reserved-props": M(A).getSelectedFeatureProperties(),
					onClose: M(A).unselectFeature,
					onDiscard: P,
					onSave: ue
				}, null, 8, [
					"can-remove",
					"can-save",
					"is-saved-feature-selected",
					"ordered-extra-props",
					"reserved-props",
					"onClose"
				])) : e("", !0)
			], 2), M(A).errorMessage.value && (!b.value || O.value) ? (t(), k("div", {
				key: 0,
				class: c(["map-block-error", {
					"stack-errors": M(ne) && !b.value,
					"top-position": b.value
				}])
			}, [p("div", Cv, [
				p("strong", null, x(M(A).errorMessage.value.title), 1),
				a[7] ||= d(" \xA0 ", -1),
				p("span", null, x(M(A).errorMessage.value.message), 1)
			]), b.value ? (t(), te(N, {
				key: 0,
				class: "clear-error",
				name: "mdiClose",
				variant: "error",
				size: "sm",
				onClick: a[3] ||= (e) => O.value = !1
			})) : e("", !0)], 2)) : e("", !0)]),
			f(cr, {
				visible: w.value,
				"onUpdate:visible": a[4] ||= (e) => w.value = e,
				"single-feature-type": n.singleFeatureType,
				onDeleteFeature: fe
			}, null, 8, ["visible", "single-feature-type"]),
			f(vv, {
				visible: ee.value,
				"onUpdate:visible": a[5] ||= (e) => ee.value = e,
				"single-feature-type": n.singleFeatureType,
				onSave: me
			}, null, 8, ["visible", "single-feature-type"])
		], 64));
	}
}), [["__scopeId", "data-v-89330403"]]);
export { wv as default };
