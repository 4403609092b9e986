# Oracles for `survey crosstab --repweights`: a data file that brings its own replicate
# weights, as R's svrepdesign reads it. Run from the repository root:
#   Rscript tests/oracles/make_repweight_file_oracles.R
# Writes tests/corpus/r-survey/apiclus1_jk1.csv (apiclus1 with R's JK1 replicate weights of
# the one-stage cluster design with its FPC, as analysis weights jk01..jk15) and
# tests/oracles/repweight_file_oracles.json (R's numbers for the cross-tab of sch.wide by
# stype on that file and on apiclus1_boot.csv, written by make_replicate_oracles.R).
suppressMessages({
  library(survey)
  library(jsonlite)
})
corpus <- "tests/corpus/r-survey"
apiclus1 <- read.csv(file.path(corpus, "apiclus1.csv"), stringsAsFactors = FALSE)
num <- function(x) unname(as.numeric(x))

dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
jk1 <- as.svrepdesign(dclus1)  # JK1 with the FPC in rscales
jw <- as.matrix(weights(jk1, "analysis"))
colnames(jw) <- sprintf("jk%02d", seq_len(ncol(jw)))
write.csv(cbind(apiclus1, jw), file.path(corpus, "apiclus1_jk1.csv"), row.names = FALSE)

crosstab_oracle <- function(des) {
  by <- svyby(~sch.wide, ~stype, des, svymean)
  chisq <- svychisq(~sch.wide + stype, des, statistic = "F")
  yes <- grepl("Yes", names(coef(by)))
  list(
    col_levels = as.character(by$stype),
    yes = num(coef(by)[yes]),
    yes_se = num(sqrt(diag(vcov(by))))[yes],
    F = num(chisq$statistic), df1 = num(chisq$parameter[1]), df2 = num(chisq$parameter[2]),
    p = num(chisq$p.value))
}

jk1_file <- read.csv(file.path(corpus, "apiclus1_jk1.csv"), stringsAsFactors = FALSE)
jk1_supplied <- svrepdesign(data = jk1_file, repweights = "jk[0-9]+", weights = ~pw,
                            type = "JK1", scale = jk1$scale, rscales = jk1$rscales,
                            combined.weights = TRUE)
# the file as supplied gives R's own JK1 design's numbers
stopifnot(isTRUE(all.equal(crosstab_oracle(jk1_supplied), crosstab_oracle(jk1))))

boot_file <- read.csv(file.path(corpus, "apiclus1_boot.csv"), stringsAsFactors = FALSE)
boot <- svrepdesign(data = boot_file, repweights = "repw[0-9]+", weights = ~pw,
                    type = "bootstrap")
boot_mse <- svrepdesign(data = boot_file, repweights = "repw[0-9]+", weights = ~pw,
                        type = "bootstrap", mse = TRUE)

oracles <- list(
  jk1 = c(list(scale = jk1$scale, rscales = num(jk1$rscales)), crosstab_oracle(jk1_supplied)),
  bootstrap = crosstab_oracle(boot),
  bootstrap_mse = crosstab_oracle(boot_mse))
writeLines(toJSON(oracles, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "tests/oracles/repweight_file_oracles.json")
