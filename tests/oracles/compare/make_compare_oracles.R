# Oracles for pipeline/stages/compare/waves.py: R's survey package on stacked two-wave designs.
# Run from the repository root:  Rscript tests/oracles/compare/make_compare_oracles.R
# Writes, per case, <case>_a.csv and <case>_b.csv (the two waves) and compare_oracles.json.
# The design is the stacked one:
#   svydesign(id=~1, strata=~interaction(wave, stratum), weights=~w, fpc=~fpc, data=stacked)
suppressMessages({
  library(survey)
  library(jsonlite)
})
out_dir <- "tests/oracles/compare"

# A wave like the default survey: five strata, proportional allocation, weights N_h/n_h
# perturbed as calibration would, a categorical var (codes 1-4), a second grouping cat.
make_wave <- function(sizes, n, shift, missing_share, seed) {
  set.seed(seed)
  alloc <- round(n * sizes / sum(sizes))
  stratum <- rep(seq_along(sizes), alloc)
  m <- length(stratum)
  latent <- rnorm(m) + shift + 0.2 * stratum
  var <- as.integer(cut(latent, c(-Inf, -0.3, 0.5, 1.2, Inf)))
  var[runif(m) < missing_share] <- NA
  w <- (sizes / alloc)[stratum] * runif(m, 0.8, 1.25)
  data.frame(id = sprintf("M%04d", sample(9000, m)), stratum = stratum,
             w = w, fpc = sizes[stratum], var = var,
             cat = ifelse(runif(m) < 0.45, "x", "y"))
}

level_contrasts <- function(b, levels, prefix) {
  nm <- names(coef(b))
  lapply(setNames(levels, levels), function(l) {
    v <- setNames(rep(0, length(nm)), nm)
    v[paste0("a:", prefix, l)] <- -1
    v[paste0("b:", prefix, l)] <- 1
    v
  })
}

compare_case <- function(stacked, fpc, domain = NULL) {
  des <- if (fpc) {
    svydesign(id = ~1, strata = ~interaction(wave, stratum), weights = ~w, fpc = ~fpc,
              data = stacked)
  } else {
    svydesign(id = ~1, strata = ~interaction(wave, stratum), weights = ~w, data = stacked)
  }
  if (!is.null(domain)) des <- subset(des, cat == domain)
  df <- degf(des)
  # svyby cannot return covmat when rows are dropped for missing values: the rows without a
  # value become a domain (subset keeps the full design).
  has <- subset(des, !is.na(var))
  levels <- sort(unique(stacked$var[!is.na(stacked$var)]))
  b <- svyby(~factor(var), ~wave, has, svymean, covmat = TRUE)
  con <- svycontrast(b, level_contrasts(b, levels, "factor(var)"))
  est <- coef(b)
  se <- SE(b)
  t <- qt(0.975, df)
  chi <- svychisq(~var + wave, des)
  bm <- svyby(~var, ~wave, has, svymean, covmat = TRUE)
  cm <- svycontrast(bm, list(mean = c(-1, 1)))
  list(
    levels = as.character(levels),
    wave_a = unname(as.numeric(est[paste0("a:factor(var)", levels)])),
    wave_b = unname(as.numeric(est[paste0("b:factor(var)", levels)])),
    se_a = unname(as.numeric(as.matrix(se)["a", ])),
    se_b = unname(as.numeric(as.matrix(se)["b", ])),
    diff = unname(as.numeric(coef(con))),
    diff_se = unname(as.numeric(SE(con))),
    diff_ci_low = unname(as.numeric(coef(con) - t * SE(con))),
    diff_ci_high = unname(as.numeric(coef(con) + t * SE(con))),
    df = df,
    rao_scott = list(F = unname(as.numeric(chi$statistic)),
                     df1 = unname(as.numeric(chi$parameter[1])),
                     df2 = unname(as.numeric(chi$parameter[2])),
                     p = unname(as.numeric(chi$p.value))),
    mean = list(wave_a = unname(as.numeric(coef(bm)[1])), wave_b = unname(as.numeric(coef(bm)[2])),
                diff = unname(as.numeric(coef(cm))), diff_se = unname(as.numeric(SE(cm))))
  )
}

sizes_a <- c(5421, 1418, 1944, 521, 210)
sizes_b <- c(5600, 1380, 1990, 500, 230)  # the frame changed between the waves
cases <- list(
  fpc5 = list(a = make_wave(sizes_a, 200, 0, 0, 1), b = make_wave(sizes_b, 180, 0.25, 0, 2),
              fpc = TRUE),
  fpc5_missing = list(a = make_wave(sizes_a, 200, 0, 0.08, 3),
                      b = make_wave(sizes_b, 180, 0.25, 0.12, 4), fpc = TRUE),
  nofpc_missing = list(a = make_wave(sizes_a, 160, 0, 0.1, 5),
                       b = make_wave(sizes_b, 150, -0.2, 0.05, 6), fpc = FALSE)
)

oracles <- list(meta = list(r = R.version.string,
                            survey = as.character(packageVersion("survey"))))
for (name in names(cases)) {
  cs <- cases[[name]]
  write.csv(cs$a, file.path(out_dir, paste0(name, "_a.csv")), row.names = FALSE, na = "")
  write.csv(cs$b, file.path(out_dir, paste0(name, "_b.csv")), row.names = FALSE, na = "")
  stacked <- rbind(cbind(wave = "a", cs$a), cbind(wave = "b", cs$b))
  oracles[[name]] <- list(fpc = cs$fpc, overall = compare_case(stacked, cs$fpc),
                          domain_x = compare_case(stacked, cs$fpc, domain = "x"))
}
writeLines(toJSON(oracles, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out_dir, "compare_oracles.json"))
