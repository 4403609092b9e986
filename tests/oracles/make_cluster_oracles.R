# Oracles for cluster and multi-stage designs (pipeline/statistics/survey.py): R's survey
# package on its own data sets apiclus1, apiclus2 and nhanes.
# Run from the repository root:  Rscript tests/oracles/make_cluster_oracles.R
# Writes the data sets to tests/corpus/r-survey/*.csv and the numbers to
# tests/oracles/cluster_oracles.json.
suppressMessages({
  library(survey)
  library(jsonlite)
})
corpus <- "tests/corpus/r-survey"
data(api)
data(nhanes)
write.csv(apiclus1, file.path(corpus, "apiclus1.csv"), row.names = FALSE)
write.csv(apiclus2, file.path(corpus, "apiclus2.csv"), row.names = FALSE)
write.csv(nhanes, file.path(corpus, "nhanes.csv"), row.names = FALSE)
apiclus1 <- read.csv(file.path(corpus, "apiclus1.csv"), stringsAsFactors = FALSE)
apiclus2 <- read.csv(file.path(corpus, "apiclus2.csv"), stringsAsFactors = FALSE)
nhanes <- read.csv(file.path(corpus, "nhanes.csv"), stringsAsFactors = FALSE)

num <- function(x) unname(as.numeric(x))
stat <- function(m) {
  list(estimate = num(coef(m)), se = num(SE(m)), names = names(coef(m)),
       vcov = unname(as.matrix(vcov(m))))
}
stat_deff <- function(m) {
  r <- stat(m)
  r$deff <- num(diag(as.matrix(attr(m, "deff"))))
  r
}
chisq_all <- function(f, des) {
  res <- list()
  for (s in c("F", "Chisq", "Wald", "adjWald")) {
    # R cannot invert a singular Wald variance: that statistic is left out.
    t <- tryCatch(svychisq(f, des, statistic = s), error = function(e) NULL)
    if (is.null(t)) next
    res[[s]] <- list(statistic = num(t$statistic), parameter = num(t$parameter),
                     p = num(t$p.value))
  }
  res
}
cis <- function(f, des) {
  res <- list()
  for (m in c("logit", "beta", "likelihood", "asin", "mean", "xlogit")) {
    ci <- svyciprop(f, des, method = m)
    res[[m]] <- list(estimate = num(ci), ci = num(attr(ci, "ci")))
  }
  res
}
bytab <- function(f, by, des) {
  b <- svyby(f, by, des, svymean, na.rm = TRUE)
  list(estimate = num(coef(b)), se = num(as.matrix(SE(b))), names = names(coef(b)))
}
api_battery <- function(des) {
  list(
    degf = degf(des),
    weights = num(weights(des)),
    mean_api00 = stat_deff(svymean(~api00, des, deff = TRUE)),
    mean_api00_enroll = stat(svymean(~api00 + enroll, des, na.rm = TRUE)),
    total_enroll = stat_deff(svytotal(~enroll, des, na.rm = TRUE, deff = TRUE)),
    prop_stype = stat_deff(svymean(~stype, des, deff = TRUE)),
    ciprop_yes = cis(~I(sch.wide == "Yes"), des),
    chisq_sch_wide_stype = chisq_all(~sch.wide + stype, des),
    chisq_awards_stype = chisq_all(~awards + stype, des),
    by_sch_wide_stype = bytab(~sch.wide, ~stype, des),
    domain_mean_api00_high = stat(svymean(~api00, subset(des, meals > 50)))
  )
}

oracles <- list(meta = list(r = R.version.string, survey = as.character(packageVersion("survey"))))

# ---- apiclus1: one-stage cluster sample of districts --------------------------------------
oracles$apiclus1 <- api_battery(svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc))
oracles$apiclus1_nofpc <- api_battery(svydesign(id = ~dnum, weights = ~pw, data = apiclus1))
apiclus1$fraction <- 15 / apiclus1$fpc
oracles$apiclus1_fraction <- api_battery(
  svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fraction))

# ---- apiclus2: two stages, FPC at each -----------------------------------------------------
oracles$apiclus2 <- api_battery(svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2))
oracles$apiclus2_weights <- api_battery(
  svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = apiclus2))
oracles$apiclus2_nofpc <- api_battery(svydesign(id = ~dnum + snum, weights = ~pw, data = apiclus2))

# A district with one sampled school out of two: a lonely unit at stage 2.
lonely2 <- apiclus2
lonely2$fpc2[lonely2$dnum == 15] <- 2
for (option in c("adjust", "certainty", "remove", "average")) {
  options(survey.lonely.psu = option)
  des <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = lonely2)
  oracles$apiclus2_lonely[[option]] <- list(
    mean_api00 = stat(svymean(~api00, des)),
    chisq_sch_wide_stype = chisq_all(~sch.wide + stype, des))
}
options(survey.lonely.psu = "fail")
write.csv(lonely2, file.path(corpus, "apiclus2_lonely.csv"), row.names = FALSE)

# ---- nhanes: strata, PSUs repeated across strata (nest = TRUE), weights ---------------------
nh <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE,
                data = nhanes)
nh_chol <- subset(nh, !is.na(HI_CHOL))
oracles$nhanes <- list(
  degf = degf(nh),
  mean_hi_chol = stat_deff(svymean(~HI_CHOL, nh, na.rm = TRUE, deff = TRUE)),
  prop_hi_chol = stat_deff(svymean(~factor(HI_CHOL), nh, na.rm = TRUE, deff = TRUE)),
  total_hi_chol = stat(svytotal(~HI_CHOL, nh, na.rm = TRUE)),
  ciprop_hi_chol = cis(~I(HI_CHOL == 1), nh_chol),
  chisq_race_hi_chol = chisq_all(~race + HI_CHOL, nh),
  chisq_agecat_hi_chol = chisq_all(~agecat + HI_CHOL, nh),
  by_hi_chol_race = bytab(~factor(HI_CHOL), ~race, nh)
)

# A stratum left with one PSU: every lonely_psu option.
nh_lonely <- nhanes[!(nhanes$SDMVSTRA == 83 & nhanes$SDMVPSU == 2), ]
write.csv(nh_lonely, file.path(corpus, "nhanes_lonely.csv"), row.names = FALSE)
for (option in c("adjust", "certainty", "remove", "average")) {
  options(survey.lonely.psu = option)
  des <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE,
                   data = nh_lonely)
  oracles$nhanes_lonely[[option]] <- list(
    mean_hi_chol = stat(svymean(~HI_CHOL, des, na.rm = TRUE)),
    chisq_race_hi_chol = chisq_all(~race + HI_CHOL, des))
}
options(survey.lonely.psu = "fail")

# ---- two files compared as waves: apiclus1 then apiclus2, districts as PSUs ----------------
# (survey compare-waves: strata = the file, each file's PSUs its own)
waves <- rbind(
  data.frame(wave = "a", dnum = apiclus1$dnum, pw = apiclus1$pw, sch.wide = apiclus1$sch.wide),
  data.frame(wave = "b", dnum = apiclus2$dnum, pw = apiclus2$pw, sch.wide = apiclus2$sch.wide))
d_waves <- svydesign(id = ~dnum, strata = ~wave, weights = ~pw, nest = TRUE, data = waves)
oracles$waves <- list(
  degf = degf(d_waves),
  chisq_sch_wide_wave = chisq_all(~sch.wide + wave, d_waves),
  by_sch_wide_wave = bytab(~sch.wide, ~wave, d_waves))

writeLines(toJSON(oracles, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "tests/oracles/cluster_oracles.json")
cat("wrote tests/oracles/cluster_oracles.json\n")
