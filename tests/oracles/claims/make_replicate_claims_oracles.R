# Oracles for pipeline/statistics/claims.py on a replicate-weight design: the test of one
# difference between a group and the total it belongs to, and between two groups, on
# apiclus1 with R's JK1 replicate weights as a file brings them
# (tests/corpus/r-survey/apiclus1_jk1.csv), with missing answers. Run from the repository root:
#   Rscript tests/oracles/claims/make_replicate_claims_oracles.R
# Writes tests/oracles/claims/replicate_claims_oracles.json.
suppressMessages({
  library(survey)
  library(jsonlite)
})
corpus <- "tests/corpus/r-survey"
api <- read.csv(file.path(corpus, "apiclus1_jk1.csv"), stringsAsFactors = FALSE)
# R's scale of the JK1 design these replicate weights came from (the FPC folded in).
jk1 <- as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc,
                                data = read.csv(file.path(corpus, "apiclus1.csv"))))
# The claim's item: comp.imp == "Yes", unanswered for every 7th school (a domain, not dropped).
api$y <- as.numeric(api$comp.imp == "Yes")
api$y[seq(1, nrow(api), by = 7)] <- NA
api$answered <- as.numeric(!is.na(api$y))
api$y0 <- ifelse(is.na(api$y), 0, api$y)
api$g <- as.numeric(api$ell > 20)           # the group: schools with over 20% English learners
api$yg <- api$y0 * api$g
api$ag <- api$answered * api$g
num <- function(x) unname(as.numeric(x))

claims <- function(mse) {
  des <- svrepdesign(data = api, repweights = "jk[0-9]+", weights = ~pw, type = "JK1",
                     scale = jk1$scale, rscales = jk1$rscales, combined.weights = TRUE,
                     mse = mse)
  # Group vs total: svycontrast of the ratio difference re-estimated on every replicate.
  tot <- svytotal(~yg + ag + y0 + answered, des, return.replicates = TRUE)
  vs_total <- svycontrast(tot, quote(yg / ag - y0 / answered))
  # Group vs group: svyby with its covariance (svrVar of all replicates), then the contrast.
  by <- svyby(~y, ~I(ell > 20), subset(des, !is.na(y)), svymean, covmat = TRUE)
  vs_group <- svycontrast(by, c(-1, 1))
  group_mean <- svymean(~y, subset(des, !is.na(y) & g == 1))
  total_mean <- svymean(~y, subset(des, !is.na(y)))
  list(
    df = degf(des),
    group_vs_total = list(group = num(coef(group_mean)), total = num(coef(total_mean)),
                          diff = num(coef(vs_total)), se = num(SE(vs_total))),
    group_vs_group = list(means = num(coef(by)), diff = num(coef(vs_group)),
                          se = num(SE(vs_group))))
}

out <- list(scale = jk1$scale, rscales = num(jk1$rscales), centred = claims(FALSE),
            mse = claims(TRUE))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           "tests/oracles/claims/replicate_claims_oracles.json")
