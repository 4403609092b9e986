# Oracles for pipeline/statistics/claims.py: the test of one difference between a group and
# the total it belongs to, and between two groups, on R's apistrat (stratified, FPC), with
# missing answers. Run from the repository root:
#   Rscript tests/oracles/claims/make_claims_oracles.R
# Writes tests/oracles/claims/claims_oracles.json.
suppressMessages(library(survey))
api <- read.csv("tests/oracles/apistrat.csv", stringsAsFactors = FALSE)
# The claim's item: comp.imp == "Yes", unanswered for every 7th school (a domain, not dropped).
api$y <- as.numeric(api$comp.imp == "Yes")
api$y[seq(1, nrow(api), by = 7)] <- NA
api$answered <- as.numeric(!is.na(api$y))
api$y0 <- ifelse(is.na(api$y), 0, api$y)
api$g <- as.numeric(api$ell > 20)           # the group: schools with over 20% English learners
api$yg <- api$y0 * api$g
api$ag <- api$answered * api$g
des <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api)

# Group vs total: the ratio of totals in the group minus the ratio in the whole sample, by
# the delta method on the joint totals (the same linearisation as influence values z_g - z).
tot <- svytotal(~yg + ag + y0 + answered, des)
vs_total <- svycontrast(tot, quote(yg / ag - y0 / answered))

# Group vs group: svyby with its covariance, then the contrast (over 20% minus the others).
by <- svyby(~y, ~I(ell > 20), subset(des, !is.na(y)), svymean, covmat = TRUE)
vs_group <- svycontrast(by, c(-1, 1))

group_mean <- svymean(~y, subset(des, !is.na(y) & g == 1))
total_mean <- svymean(~y, subset(des, !is.na(y)))
num <- function(x) paste(format(unname(as.numeric(x)), digits = 17), collapse = ", ")
json <- c(
  "{",
  sprintf('  "df": %d,', degf(des)),
  '  "group_vs_total": {',
  sprintf('    "group": %s, "total": %s,', num(coef(group_mean)), num(coef(total_mean))),
  sprintf('    "diff": %s, "se": %s', num(coef(vs_total)), num(SE(vs_total))),
  "  },",
  '  "group_vs_group": {',
  sprintf('    "groups": ["%s"],', paste(c("ell<=20", "ell>20"), collapse = '", "')),
  sprintf('    "means": [%s],', num(coef(by))),
  sprintf('    "diff": %s, "se": %s', num(coef(vs_group)), num(SE(vs_group))),
  "  }",
  "}"
)
writeLines(json, "tests/oracles/claims/claims_oracles.json")
