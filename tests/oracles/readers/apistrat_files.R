# Live oracle for the one reader (tests/test_corpus.py): R writes its survey package's apistrat
# as Stata (foreign::write.dta), SPSS-readable CSV (write.csv) and tab-separated text, and
# prints the Rao-Scott F of sch.wide by stype on the stratified design with FPC.
# Usage: Rscript tests/oracles/readers/apistrat_files.R OUT_DIR
suppressMessages({
  library(survey)
  library(foreign)
})
out <- commandArgs(TRUE)[1]
data(api, package = "survey")
d <- apistrat[, c("stype", "sch.wide", "pw", "fpc")]
names(d) <- c("stype", "sch_wide", "pw", "fpc")
write.dta(d, file.path(out, "apistrat_r.dta"))
write.csv(d, file.path(out, "apistrat_r.csv"), row.names = FALSE)
write.table(d, file.path(out, "apistrat_r.tsv"), sep = "\t", row.names = FALSE, quote = FALSE)
des <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = d)
t <- svychisq(~sch_wide + stype, des, statistic = "F")
cat(sprintf("%.10f %.10g\n", t$statistic, t$p.value))
