# Oracles for estimates on a repeat's child table (pipeline/stages/weight.py carry_down and
# child_design, pipeline/stages/tabulate_tables.py): the child rows carry their parent
# submission's stratum, weight and FPC, and the parent submission is the PSU, as in
#   svydesign(id = ~parent_id, strata = ~stratum, fpc = ~fpc, weights = ~weight, data = child)
# Run from the repository root:  Rscript tests/oracles/make_child_oracles.R
# Writes tests/oracles/child_oracles.json.
suppressMessages({
  library(survey)
  library(jsonlite)
})
num <- function(x) unname(as.numeric(x))
stat <- function(m) list(estimate = num(coef(m)), se = num(SE(m)), names = names(coef(m)))

# 1. kobocat's nested_repeats export (tests/corpus/kobo-exports/nested_repeats.csv): two
# households, their kids exported wide (kids/kids_details[k]/kids_age). The frame the test
# gives: one stratum (has_kids = 1) of 40 households, so each household weighs 40 / 2.
wide <- read.csv("tests/corpus/kobo-exports/nested_repeats.csv", check.names = FALSE,
                 stringsAsFactors = FALSE, na.strings = c("", "n/a"))
kids <- do.call(rbind, lapply(1:3, function(k) {
  data.frame(parent = wide[["_uuid"]],
             age = wide[[sprintf("kids/kids_details[%d]/kids_age", k)]])
}))
kids <- kids[!is.na(kids$age), ]
kids$stratum <- 1
kids$fpc <- 40
kids$weight <- 40 / nrow(wide)
kobo <- svydesign(id = ~parent, strata = ~stratum, fpc = ~fpc, weights = ~weight, data = kids)

# 2. R's apiclus2 (tests/corpus/r-survey/apiclus2.csv) read as schools in districts: the
# district is the parent submission (40 of the 757 districts, one stratum, weight 757 / 40)
# and each sampled school a row of its repeat.
schools <- read.csv("tests/corpus/r-survey/apiclus2.csv", stringsAsFactors = FALSE)
schools$stratum <- 1
schools$fpc <- 757
schools$weight <- 757 / length(unique(schools$dnum))
api <- svydesign(id = ~dnum, strata = ~stratum, fpc = ~fpc, weights = ~weight, data = schools)

out <- list(
  kobocat_nested_repeats = list(
    n = nrow(kids), psu = length(unique(kids$parent)),
    kids_age_mean = stat(svymean(~age, kobo))
  ),
  apiclus2_schools_in_districts = list(
    n = nrow(schools), psu = length(unique(schools$dnum)),
    api00_mean = stat(svymean(~api00, api)),
    stype = stat(svymean(~factor(stype), api)),
    sch_wide = stat(svymean(~factor(sch.wide), api))
  )
)
write_json(out, "tests/oracles/child_oracles.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
