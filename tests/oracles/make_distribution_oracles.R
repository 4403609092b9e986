# Oracle for pipeline/statistics/distributions.py: R's pf, pt, pchisq, qt and qnorm on a grid
# that spans a cross-tab's tests and intervals (small tables to 5,000,000-row designs).
# Run: Rscript tests/oracles/make_distribution_oracles.R > tests/oracles/distributions.json
num <- function(x) sprintf("%.17g", x)
rows <- function(name, cols) {
  n <- length(cols[[1]])
  lines <- vapply(seq_len(n), function(i) {
    paste0("[", paste(vapply(cols, function(v) num(v[i]), ""), collapse = ", "), "]")
  }, "")
  paste0('  "', name, '": [\n    ', paste(lines, collapse = ",\n    "), "\n  ]")
}
g <- expand.grid(f = c(0.05, 0.3, 1, 3, 30, 200), d1 = c(1, 2.7, 12),
                 d2 = c(3, 57.5, 1000, 5e5, 5e6))
g$p <- pf(g$f, g$d1, g$d2, lower.tail = FALSE)
tg <- expand.grid(t = c(-40, -10, -3, -1.96, -0.5, 0, 0.5, 2, 8), df = c(1, 2, 3, 30, 1000, 5e5, 5e6))
tg$p <- pt(tg$t, tg$df)
cg <- expand.grid(x = c(1e-4, 0.3, 1, 2.5, 10, 30, 100, 700), k = c(1, 2, 3, 6, 12, 20))
cg$p <- pchisq(cg$x, cg$k, lower.tail = FALSE)
qg <- expand.grid(p = c(0.975, 0.995, 0.9, 0.025, 0.6), df = c(1, 2, 3, 7, 30, 1000, 5e5, 5e6))
qg$q <- qt(qg$p, qg$df)
ng <- data.frame(p = c(1e-12, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999))
ng$q <- qnorm(ng$p)
cat("{\n", paste(c(
  rows("f_sf: f, d1, d2, P(F > f)", g[c("f", "d1", "d2", "p")]),
  rows("t_cdf: t, df, P(T <= t)", tg[c("t", "df", "p")]),
  rows("chi2_sf: x, k, P(X > x)", cg[c("x", "k", "p")]),
  rows("t_ppf: p, df, quantile", qg[c("p", "df", "q")]),
  rows("norm_ppf: p, quantile", ng[c("p", "q")])
), collapse = ",\n"), "\n}\n", sep = "")
