# Oracles for pipeline/statistics/models.py (svyratio, svyvar, svycontrast, svyglm gaussian and
# quasibinomial, regTermTest, svyttest) and for domains (subset) in cross-tabs, on R's apistrat,
# apiclus1, apiclus2 and nhanes. Run from the repository root after make_cluster_oracles.R:
#   Rscript tests/oracles/make_model_oracles.R   → tests/oracles/model_oracles.json
suppressMessages({
  library(survey)
  library(jsonlite)
})
corpus <- "tests/corpus/r-survey"
apistrat <- read.csv("tests/oracles/apistrat.csv", stringsAsFactors = FALSE)
apiclus1 <- read.csv(file.path(corpus, "apiclus1.csv"), stringsAsFactors = FALSE)
apiclus2 <- read.csv(file.path(corpus, "apiclus2.csv"), stringsAsFactors = FALSE)
nhanes <- read.csv(file.path(corpus, "nhanes.csv"), stringsAsFactors = FALSE)

num <- function(x) unname(as.numeric(x))
stat <- function(m) list(estimate = num(coef(m)), se = num(SE(m)))
chisq_all <- function(f, des) {
  res <- list()
  for (s in c("F", "Chisq", "Wald", "adjWald")) {
    t <- tryCatch(svychisq(f, des, statistic = s), error = function(e) NULL)
    if (is.null(t)) next
    res[[s]] <- list(statistic = num(t$statistic), parameter = num(t$parameter),
                     p = num(t$p.value))
  }
  res
}
model <- function(m) list(coef = num(coef(m)), se = num(SE(m)), df = m$df.residual,
                          names = names(coef(m)))
term <- function(t) list(F = num(t$Ftest), df = num(t$df), ddf = num(t$ddf), p = num(t$p))
quant <- function(q) {
  m <- q[[1]]
  list(quantile = num(m[, 1]), lower = num(m[, 2]), upper = num(m[, 3]), se = num(m[, 4]))
}
ttest <- function(t) list(t = num(t$statistic), df = num(t$parameter), p = num(t$p.value),
                          estimate = num(t$estimate))

api_models <- function(des) {
  lin <- svyglm(api00 ~ ell + meals + stype, des)
  logit <- svyglm(I(sch.wide == "Yes") ~ ell + stype, des, family = quasibinomial())
  dom <- subset(des, stype != "E")
  list(
    ratio_api00_api99 = stat(svyratio(~api00, ~api99, des)),
    var_api00 = stat(svyvar(~api00, des)),
    contrast_api00_api99 = stat(svycontrast(svymean(~api00 + api99, des), c(1, -1))),
    glm_gaussian = model(lin),
    term_stype = term(regTermTest(lin, ~stype)),
    term_ell_meals = term(regTermTest(lin, ~ell + meals)),
    glm_logit = model(logit),
    term_logit_stype = term(regTermTest(logit, ~stype)),
    ttest_api00_sch_wide = ttest(svyttest(api00 ~ sch.wide, des)),
    domain_chisq_sch_wide_awards = chisq_all(~sch.wide + awards, dom),
    domain_prop_yes = stat(svymean(~sch.wide, dom)),
    domain_glm_gaussian = model(svyglm(api00 ~ ell, dom)),
    quantiles_api00 = quant(svyquantile(~api00, des, c(0.1, 0.25, 0.5, 0.9))),
    quantiles_enroll_domain = quant(svyquantile(~enroll, dom, c(0.5, 0.75), na.rm = TRUE))
  )
}
oracles <- list(meta = list(r = R.version.string, survey = as.character(packageVersion("survey"))))
oracles$apistrat <- api_models(
  svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat))
oracles$apiclus1 <- api_models(svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1))
oracles$apiclus2 <- api_models(svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2))

nh <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE,
                data = nhanes)
logit <- svyglm(HI_CHOL ~ factor(race) + RIAGENDR, nh, family = quasibinomial())
oracles$nhanes <- list(
  glm_logit = model(logit),
  term_race = term(regTermTest(logit, ~factor(race))),
  ttest_hi_chol_sex = ttest(svyttest(HI_CHOL ~ RIAGENDR, nh)),
  var_hi_chol = stat(svyvar(~HI_CHOL, nh, na.rm = TRUE)),
  quantiles_weight = quant(svyquantile(~WTMEC2YR, nh, c(0.05, 0.5, 0.95))),
  domain_chisq_race_hi_chol = chisq_all(~race + HI_CHOL, subset(nh, agecat != "(0,19]"))
)
# ---- calibrate (GREG linear, raking, bounded linear) on apiclus1 ----------------------------
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
pop <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018)
calibrated <- list(
  linear_stype = calibrate(dclus1, ~stype, pop),
  linear_stype_api99 = calibrate(dclus1, ~stype + api99, c(pop, api99 = 3914069)),
  raking_stype_api99 = calibrate(dclus1, ~stype + api99, c(pop, api99 = 3914069),
                                 calfun = "raking"),
  bounded_stype_api99 = calibrate(dclus1, ~stype + api99, c(pop, api99 = 3914069),
                                  bounds = c(0.7, 1.7)))
for (nm in names(calibrated)) {
  des <- calibrated[[nm]]
  oracles$calibrate[[nm]] <- list(
    weights = num(weights(des)),
    mean_api00 = stat(svymean(~api00, des)),
    total_enroll = stat(svytotal(~enroll, des)),
    chisq_sch_wide_awards = chisq_all(~sch.wide + awards, des))
}

writeLines(toJSON(oracles, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "tests/oracles/model_oracles.json")
cat("wrote tests/oracles/model_oracles.json\n")
