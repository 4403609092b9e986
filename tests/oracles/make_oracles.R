# Oracles for pipeline/statistics/survey.py, estimate.py and crosstab.py: R's survey package numbers.
# Run from the repository root:  Rscript tests/oracles/make_oracles.R
# Writes tests/oracles/synth5.csv (simulated data), apistrat_na.csv, oracles.json and
# calibration.json (standard errors and tests after postStratify, rake and trimWeights).
suppressMessages({
  library(survey)
  library(jsonlite)
})
out_dir <- "tests/oracles"
api <- read.csv(file.path(out_dir, "apistrat.csv"), stringsAsFactors = FALSE)

chisq_all <- function(f, des) {
  res <- list()
  for (s in c("F", "Chisq", "Wald", "adjWald")) {
    t <- svychisq(f, des, statistic = s)
    res[[s]] <- list(statistic = unname(as.numeric(t$statistic)),
                     parameter = unname(as.numeric(t$parameter)),
                     p = unname(as.numeric(t$p.value)))
  }
  res
}
stat <- function(m) {
  list(estimate = unname(as.numeric(coef(m))), se = unname(as.numeric(SE(m))),
       names = names(coef(m)))
}
stat_deff <- function(m) {
  r <- stat(m)
  r$deff <- unname(as.numeric(diag(as.matrix(attr(m, "deff")))))
  r
}
cis <- function(f, des) {
  res <- list()
  for (m in c("logit", "beta", "likelihood", "asin", "mean")) {
    ci <- svyciprop(f, des, method = m)
    res[[m]] <- list(estimate = unname(as.numeric(ci)), ci = unname(as.numeric(attr(ci, "ci"))))
  }
  res
}
# svyby cannot return the covariance matrix when rows are dropped for missing values.
bytab <- function(f, by, des, covmat = FALSE) {
  b <- svyby(f, by, des, svymean, na.rm = TRUE, covmat = covmat)
  res <- list(estimate = unname(as.numeric(coef(b))), se = unname(as.numeric(as.matrix(SE(b)))),
              names = names(coef(b)))
  if (covmat) res$vcov <- unname(as.matrix(vcov(b)))
  res
}

oracles <- list(meta = list(r = R.version.string, survey = as.character(packageVersion("survey"))))

# ---- apistrat: live checks of the shared oracle and missing values -------------------------
d_api <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api)
oracles$api_awards_both <- chisq_all(~awards + both, d_api)
oracles$api_awards_comp_imp <- chisq_all(~awards + comp.imp, d_api)
oracles$api_by_sch_wide_stype <- bytab(~sch.wide, ~stype, d_api, covmat = TRUE)

api_na <- api
api_na$api00[api_na$snum %% 7 == 0] <- NA
api_na$sch.wide[api_na$snum %% 5 == 0] <- NA
api_na$meals_hi <- ifelse(api_na$meals > 50, "high", "low")
write.csv(api_na, file.path(out_dir, "apistrat_na.csv"), row.names = FALSE, na = "")
d_na <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api_na)
oracles$api_na <- list(
  mean_api00 = stat_deff(svymean(~api00, d_na, na.rm = TRUE, deff = TRUE)),
  total_api00 = stat_deff(svytotal(~api00, d_na, na.rm = TRUE, deff = TRUE)),
  prop_sch_wide = stat_deff(svymean(~sch.wide, d_na, na.rm = TRUE, deff = TRUE)),
  ciprop_yes = cis(~I(sch.wide == "Yes"), subset(d_na, !is.na(sch.wide))),
  chisq_sch_wide_meals = chisq_all(~sch.wide + meals_hi, d_na),
  by_sch_wide_meals = bytab(~sch.wide, ~meals_hi, d_na),
  domain_mean_api00_high = stat_deff(svymean(~api00, subset(d_na, meals_hi == "high"),
                                             na.rm = TRUE, deff = TRUE)),
  by_api00_awards = bytab(~api00, ~awards, d_na)
)

# ---- lonely PSU: school 1 put alone in its own stratum -------------------------------------
api_lonely <- api
api_lonely$stype[1] <- "X"
api_lonely$fpc[1] <- 10
api_lonely$pw[1] <- 10
write.csv(api_lonely, file.path(out_dir, "apistrat_lonely.csv"), row.names = FALSE)
lonely <- list()
for (opt in c("adjust", "certainty")) {
  options(survey.lonely.psu = opt)
  d_l <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api_lonely)
  d_l0 <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = api_lonely)
  lonely[[opt]] <- list(
    mean_api00 = stat(svymean(~api00, d_l)),
    total_enroll = stat(svytotal(~enroll, d_l)),
    prop_sch_wide = stat(svymean(~sch.wide, d_l)),
    mean_api00_nofpc = stat(svymean(~api00, d_l0)),
    chisq_sch_wide_awards = chisq_all(~sch.wide + awards, d_l)
  )
}
options(survey.lonely.psu = "fail")
oracles$lonely <- lonely

# ---- calibration and trimming on apistrat --------------------------------------------------
pop_types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop_awards <- data.frame(awards = c("No", "Yes"), Freq = c(2300, 3894))
raked <- rake(d_api, list(~stype, ~awards), list(pop_types, pop_awards),
              control = list(maxit = 100, epsilon = 1e-10))
ps <- postStratify(d_api, ~awards, pop_awards)
trimmed <- trimWeights(d_api, upper = 40, strict = TRUE)
oracles$calibration <- list(
  pop_awards = list(No = 2300, Yes = 3894),
  rake_weights = unname(weights(raked)),
  rake_mean_api00 = unname(as.numeric(coef(svymean(~api00, raked)))),
  poststrat_weights = unname(weights(ps)),
  poststrat_mean_api00 = unname(as.numeric(coef(svymean(~api00, ps)))),
  trim_upper = 40,
  trim_weights = unname(weights(trimmed))
)

# ---- synth5: simulated 5-stratum survey like the default one -------------------------------
set.seed(20261127)
N_h <- c(5421, 1418, 1944, 521, 210)
n_h <- c(784, 205, 281, 75, 30)
stratum <- rep(1:5, n_h)
n <- sum(n_h)
gender <- sample(1:2, n, replace = TRUE)
age <- sample(1:3, n, replace = TRUE, prob = c(0.3, 0.45, 0.25))
q1 <- pmin(5, pmax(1, round(2.5 + 0.3 * stratum - 0.4 * (gender == 2) + rnorm(n, 0, 1.1))))
q2 <- ifelse(runif(n) < plogis(-0.5 + 0.25 * stratum + 0.3 * (age == 3)), 1, 2)
q3 <- sample(1:4, n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
q3[runif(n) < 0.06] <- NA
score <- round(50 + 5 * stratum + 3 * age + rnorm(n, 0, 12), 1)
score[runif(n) < 0.04] <- NA
synth <- data.frame(id = 1:n, stratum = stratum, N_h = N_h[stratum],
                    weight = (N_h / n_h)[stratum], gender = gender, age = age,
                    q1 = q1, q2 = q2, q3 = q3, score = score, `_simulated` = 1,
                    check.names = FALSE)
write.csv(synth, file.path(out_dir, "synth5.csv"), row.names = FALSE, na = "")

d5 <- svydesign(id = ~1, strata = ~stratum, weights = ~weight, fpc = ~N_h, data = synth)
d5n <- svydesign(id = ~1, strata = ~stratum, weights = ~weight, data = synth)
synth_or <- list()
for (nm in c("fpc", "nofpc")) {
  des <- if (nm == "fpc") d5 else d5n
  synth_or[[nm]] <- list(
    prop_q1 = stat_deff(svymean(~factor(q1), des, deff = TRUE)),
    prop_q3 = stat_deff(svymean(~factor(q3), des, na.rm = TRUE, deff = TRUE)),
    mean_score = stat_deff(svymean(~score, des, na.rm = TRUE, deff = TRUE)),
    total_score = stat(svytotal(~score, des, na.rm = TRUE)),
    ciprop_q2 = cis(~I(q2 == 1), des),
    chisq_q1_age = chisq_all(~q1 + age, des),
    chisq_q3_gender = chisq_all(~q3 + gender, des),
    chisq_q2_gender = chisq_all(~q2 + gender, des),
    by_q1_age = bytab(~factor(q1), ~age, des, covmat = TRUE),
    by_q3_age = bytab(~factor(q3), ~age, des),
    table_q3_age = unname(as.numeric(svytable(~q3 + age, des))),
    by_q1_gender = bytab(~factor(q1), ~gender, des, covmat = TRUE)
  )
}
oracles$synth5 <- synth_or

# ---- unweighted tests and multiplicity ---------------------------------------------------
small <- synth[synth$stratum == 5, ]
fisher <- fisher.test(table(small$q2, small$gender))
pearson <- chisq.test(table(synth$q1, synth$age), correct = FALSE)
p_raw <- c(0.01, 0.04, 0.03, 0.005, 0.2, NA, 0.04, 0.9)
oracles$unweighted <- list(
  fisher_q2_gender_stratum5 = list(p = fisher$p.value,
                                   table = unname(as.numeric(table(small$q2, small$gender)))),
  pearson_q1_age = list(statistic = unname(pearson$statistic),
                        df = unname(pearson$parameter), p = pearson$p.value),
  bh = list(p = p_raw, adjusted = p.adjust(p_raw, "BH"))
)

# ---- rank test (Kruskal-Wallis form) ------------------------------------------------------
rk <- svyranktest(q1 ~ factor(age), d5, test = "KruskalWallis")
rk2 <- svyranktest(q1 ~ factor(gender), d5, test = "wilcoxon")
oracles$ranktest <- list(
  q1_age = list(statistic = unname(as.numeric(rk$statistic)),
                parameter = unname(as.numeric(rk$parameter)), p = unname(rk$p.value)),
  q1_gender = list(statistic = unname(as.numeric(rk2$statistic)),
                   parameter = unname(as.numeric(rk2$parameter)), p = unname(rk2$p.value),
                   estimate = unname(as.numeric(rk2$estimate)))
)

top2 <- svymean(~I(q1 >= 4), d5)
top2_ci <- svyciprop(~I(q1 >= 4), d5)
score_q1 <- svymean(~q1, d5)
oracles$likert <- list(
  top2_q1 = list(estimate = unname(coef(top2)[2]), se = unname(SE(top2)[2]),
                 ci = unname(as.numeric(attr(top2_ci, "ci")))),
  mean_q1 = stat(score_q1)
)

writeLines(toJSON(oracles, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           file.path(out_dir, "oracles.json"))
cat("wrote", file.path(out_dir, "oracles.json"), "\n")

# ---- calibration.json: variances after postStratify, rake and trimWeights ------------------
# svyrecvar residualises the influence values on design$postStrata; these are the numbers
# that check it (tests/test_calibration.py).
cis_cal <- function(f, des) {
  res <- list()
  for (m in c("logit", "beta", "mean")) {
    ci <- svyciprop(f, des, method = m)
    res[[m]] <- list(estimate = unname(as.numeric(ci)), ci = unname(as.numeric(attr(ci, "ci"))))
  }
  res
}
pop_table <- function(p) list(levels = p[[1]], totals = p$Freq)
# svyby(covmat = TRUE) fails on calibrated designs in survey 4.1-1, so the covariance of
# the cell proportions (from which crosstab derives every other) is checked instead.
stat_vcov <- function(m) {
  r <- stat(m)
  r$vcov <- unname(as.matrix(vcov(m)))
  r
}

ps_api <- postStratify(d_api, ~awards, pop_awards)
ps_na <- postStratify(d_na, ~awards, pop_awards)
pop_gender <- data.frame(gender = c(1, 2), Freq = c(4600, 4914))
pop_age <- data.frame(age = c(1, 2, 3), Freq = c(3100, 4000, 2414))
rk5 <- rake(d5, list(~gender, ~age), list(pop_gender, pop_age),
            control = list(maxit = 100, epsilon = 1e-10))
trim_upper5 <- 7.5  # R's strict recursion overflows the C stack for some caps (7.4, 7.6)
rk5_trim <- trimWeights(rk5, upper = trim_upper5, strict = TRUE)
api_trim <- trimWeights(d_api, upper = 40, strict = TRUE)

calibration <- list(
  meta = oracles$meta,
  poststrat_api = list(
    population = pop_table(pop_awards),
    weights = unname(weights(ps_api)),
    mean_api00 = stat_deff(svymean(~api00, ps_api, deff = TRUE)),
    total_enroll = stat_deff(svytotal(~enroll, ps_api, deff = TRUE)),
    prop_sch_wide = stat_deff(svymean(~sch.wide, ps_api, deff = TRUE)),
    ciprop_yes = cis_cal(~I(sch.wide == "Yes"), ps_api),
    chisq_sch_wide_both = chisq_all(~sch.wide + both, ps_api),
    chisq_awards_stype = chisq_all(~awards + stype, ps_api),
    by_sch_wide_stype = bytab(~sch.wide, ~stype, ps_api),
    cells_sch_wide_stype = stat_vcov(svymean(~interaction(sch.wide, stype), ps_api))
  ),
  poststrat_api_na = list(
    mean_api00 = stat_deff(svymean(~api00, ps_na, na.rm = TRUE, deff = TRUE)),
    total_api00 = stat_deff(svytotal(~api00, ps_na, na.rm = TRUE, deff = TRUE)),
    prop_sch_wide = stat_deff(svymean(~sch.wide, ps_na, na.rm = TRUE, deff = TRUE)),
    domain_mean_api00_high = stat(svymean(~api00, subset(ps_na, meals_hi == "high"),
                                          na.rm = TRUE)),
    chisq_sch_wide_meals = chisq_all(~sch.wide + meals_hi, ps_na),
    by_sch_wide_meals = bytab(~sch.wide, ~meals_hi, ps_na)
  ),
  rake_synth5 = list(
    gender = pop_table(pop_gender),
    age = pop_table(pop_age),
    weights = unname(weights(rk5)),
    prop_q1 = stat_deff(svymean(~factor(q1), rk5, deff = TRUE)),
    prop_q3 = stat_deff(svymean(~factor(q3), rk5, na.rm = TRUE, deff = TRUE)),
    mean_score = stat_deff(svymean(~score, rk5, na.rm = TRUE, deff = TRUE)),
    total_score = stat_deff(svytotal(~score, rk5, na.rm = TRUE, deff = TRUE)),
    ciprop_q2 = cis_cal(~I(q2 == 1), rk5),
    chisq_q1_age = chisq_all(~q1 + age, rk5),
    chisq_q3_gender = chisq_all(~q3 + gender, rk5),
    chisq_q2_stratum = chisq_all(~q2 + stratum, rk5),
    by_q1_age = bytab(~factor(q1), ~age, rk5),
    cells_q1_age = stat_vcov(svymean(~interaction(q1, age), rk5)),
    by_q3_age = bytab(~factor(q3), ~age, rk5)
  ),
  trim_raked_synth5 = list(
    upper = trim_upper5,
    weights = unname(weights(rk5_trim)),
    mean_score = stat(svymean(~score, rk5_trim, na.rm = TRUE)),
    prop_q1 = stat(svymean(~factor(q1), rk5_trim)),
    chisq_q1_age = chisq_all(~q1 + age, rk5_trim)
  ),
  trim_api = list(
    upper = 40,
    mean_api00 = stat(svymean(~api00, api_trim)),
    prop_sch_wide = stat(svymean(~sch.wide, api_trim)),
    chisq_sch_wide_both = chisq_all(~sch.wide + both, api_trim)
  )
)
writeLines(toJSON(calibration, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           file.path(out_dir, "calibration.json"))
cat("wrote", file.path(out_dir, "calibration.json"), "\n")
