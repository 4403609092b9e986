# Oracles for replicate-weight designs (pipeline/statistics/survey.py, Replicates): R's
# as.svrepdesign (JK1, JKn, BRR, Fay, bootstrap) and svrepdesign (supplied replicate weights).
# Run from the repository root after make_cluster_oracles.R:
#   Rscript tests/oracles/make_replicate_oracles.R
# Writes tests/corpus/r-survey/scd.csv, apiclus1_boot.csv (R's bootstrap replicate weights)
# and tests/oracles/replicate_oracles.json.
suppressMessages({
  library(survey)
  library(jsonlite)
})
corpus <- "tests/corpus/r-survey"
data(scd)
write.csv(scd, file.path(corpus, "scd.csv"), row.names = FALSE)
apiclus1 <- read.csv(file.path(corpus, "apiclus1.csv"), stringsAsFactors = FALSE)
nhanes <- read.csv(file.path(corpus, "nhanes.csv"), stringsAsFactors = FALSE)

num <- function(x) unname(as.numeric(x))
stat <- function(m) list(estimate = num(coef(m)), se = num(SE(m)), names = names(coef(m)),
                         vcov = unname(as.matrix(vcov(m))))
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
cis <- function(f, des) {
  res <- list()
  for (m in c("logit", "beta", "asin", "mean", "xlogit")) {
    ci <- svyciprop(f, des, method = m)
    res[[m]] <- list(estimate = num(ci), ci = num(attr(ci, "ci")))
  }
  res
}
bytab <- function(f, by, des) {
  b <- svyby(f, by, des, svymean, na.rm = TRUE)
  list(estimate = num(coef(b)), se = num(as.matrix(SE(b))), names = names(coef(b)))
}
api_battery <- function(des) list(
  degf = degf(des),
  scale = des$scale,
  rscales = num(des$rscales),
  mean_api00 = stat(svymean(~api00, des)),
  mean_api00_enroll = stat(svymean(~api00 + enroll, des, na.rm = TRUE)),
  total_enroll = stat(svytotal(~enroll, des, na.rm = TRUE)),
  prop_stype = stat(svymean(~stype, des)),
  ciprop_yes = cis(~I(sch.wide == "Yes"), des),
  chisq_sch_wide_stype = chisq_all(~sch.wide + stype, des),
  by_sch_wide_stype = bytab(~sch.wide, ~stype, des),
  domain_mean_api00_high = stat(svymean(~api00, subset(des, meals > 50)))
)

oracles <- list(meta = list(r = R.version.string, survey = as.character(packageVersion("survey"))))

# ---- scd: R's BRR example (3 strata of 2 ambulances) -----------------------------------------
scdnofpc <- svydesign(data = scd, prob = ~1, id = ~ambulance, strata = ~ESA, nest = TRUE)
scd_battery <- function(des) list(
  degf = degf(des),
  mean_alive = stat(svymean(~alive, des)),
  mean_alive_arrests = stat(svymean(~alive + arrests, des)),
  total_arrests = stat(svytotal(~arrests, des)),
  weights = unname(as.matrix(weights(des, "analysis"))))
oracles$scd_brr <- scd_battery(as.svrepdesign(scdnofpc, type = "BRR"))
oracles$scd_fay <- scd_battery(as.svrepdesign(scdnofpc, type = "Fay", fay.rho = 0.3))
oracles$scd_jkn <- scd_battery(as.svrepdesign(scdnofpc, type = "JKn"))
# Levy and Lemeshow's replicate weights, supplied (svrepdesign's own example)
repweights <- 2 * cbind(c(1, 0, 1, 0, 1, 0), c(1, 0, 0, 1, 0, 1), c(0, 1, 1, 0, 0, 1),
                        c(0, 1, 0, 1, 1, 0))
oracles$scd_supplied <- scd_battery(
  svrepdesign(data = scd, type = "BRR", repweights = repweights, combined.weights = FALSE))

# ---- apiclus1: jackknife (JK1, with and without FPC) and R's bootstrap ------------------------
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
oracles$apiclus1_jk1 <- api_battery(as.svrepdesign(dclus1))
oracles$apiclus1_jk1_nofpc <- api_battery(
  as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = apiclus1)))
oracles$apiclus1_jk1_mse <- api_battery(as.svrepdesign(dclus1, mse = TRUE))
set.seed(20261201)
boot <- as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = apiclus1),
                       type = "bootstrap", replicates = 100)
bw <- as.matrix(weights(boot, "analysis"))
colnames(bw) <- sprintf("repw%03d", seq_len(ncol(bw)))
write.csv(cbind(apiclus1, bw), file.path(corpus, "apiclus1_boot.csv"), row.names = FALSE)
oracles$apiclus1_boot <- api_battery(boot)
boot_mse <- boot
boot_mse$mse <- TRUE
oracles$apiclus1_boot_mse <- api_battery(boot_mse)

# ---- nhanes: JKn (one stratum has 3 PSUs, so no BRR) ----------------------------------------
nh <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE,
                data = nhanes)
nh_battery <- function(des) list(
  degf = degf(des),
  mean_hi_chol = stat(svymean(~HI_CHOL, des, na.rm = TRUE)),
  prop_race = stat(svymean(~factor(race), des)),
  chisq_race_hi_chol = chisq_all(~race + HI_CHOL, des),
  by_hi_chol_race = bytab(~factor(HI_CHOL), ~race, des))
oracles$nhanes_jkn <- nh_battery(as.svrepdesign(nh, type = "JKn"))

# A stratum with one PSU: JKn under every lonely_psu option.
nh_lonely <- read.csv(file.path(corpus, "nhanes_lonely.csv"), stringsAsFactors = FALSE)
for (option in c("adjust", "certainty", "remove", "average")) {
  options(survey.lonely.psu = option)
  des <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE,
                   data = nh_lonely)
  rep <- as.svrepdesign(des, type = "JKn")
  oracles$nhanes_lonely_jkn[[option]] <- list(
    degf = degf(rep), scale = rep$scale,
    mean_hi_chol = stat(svymean(~HI_CHOL, rep, na.rm = TRUE)))
}
options(survey.lonely.psu = "fail")

writeLines(toJSON(oracles, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "tests/oracles/replicate_oracles.json")
cat("wrote tests/oracles/replicate_oracles.json\n")
