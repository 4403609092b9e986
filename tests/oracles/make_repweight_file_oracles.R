# Oracles for `survey crosstab --repweights`: a data file that brings its own replicate
# weights, as R's svrepdesign reads it. Run from the repository root:
#   Rscript tests/oracles/make_repweight_file_oracles.R
# Writes tests/corpus/r-survey/apiclus1_jk1.csv (apiclus1 with R's JK1 replicate weights of
# the one-stage cluster design with its FPC, as analysis weights jk01..jk15) and
# tests/oracles/repweight_file_oracles.json (R's numbers for the cross-tab of sch.wide by
# stype on that file and on apiclus1_boot.csv, written by make_replicate_oracles.R), and
# apiclus2_jk1.csv (apiclus2 with R's JK1 replicate weights of its first stage, no FPC) for
# `survey compare-waves --repweights` of apiclus1 against apiclus2.
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

# ---- compare-waves: apiclus1 (JK1, 15 replicates) against apiclus2 (JK1, 40 replicates) ------
apiclus2 <- read.csv(file.path(corpus, "apiclus2.csv"), stringsAsFactors = FALSE)
jk2 <- as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = apiclus2))
jw2 <- as.matrix(weights(jk2, "analysis"))
colnames(jw2) <- sprintf("jk%02d", seq_len(ncol(jw2)))
write.csv(cbind(apiclus2, jw2), file.path(corpus, "apiclus2_jk1.csv"), row.names = FALSE)
a <- jk1_file
b <- read.csv(file.path(corpus, "apiclus2_jk1.csv"), stringsAsFactors = FALSE)
ra <- as.matrix(a[grep("^jk[0-9]+$", names(a))])
rb <- as.matrix(b[grep("^jk[0-9]+$", names(b))])
# The files stacked, each wave's replicates its own weights on its rows and the full-sample
# weights on the other wave's rows; each replicate keeps its wave's default JK1 scale.
blocks <- rbind(cbind(ra, matrix(a$pw, nrow(a), ncol(rb))),
                cbind(matrix(b$pw, nrow(b), ncol(ra)), rb))
stacked <- rbind(data.frame(sch.wide = a$sch.wide, pw = a$pw, wave = "a"),
                 data.frame(sch.wide = b$sch.wide, pw = b$pw, wave = "b"))
rscales <- c(rep((ncol(ra) - 1) / ncol(ra), ncol(ra)), rep((ncol(rb) - 1) / ncol(rb), ncol(rb)))
waves <- svrepdesign(data = stacked, repweights = blocks, weights = ~pw, type = "other",
                     scale = 1, rscales = rscales, combined.weights = TRUE)
by_wave <- svyby(~sch.wide, ~wave, waves, svymean, covmat = TRUE)
yes <- grepl("Yes", names(coef(by_wave)))
contrast <- svycontrast(by_wave, list(diff = as.numeric(yes) * c(-1, 1)[1 + grepl("^b", names(coef(by_wave)))]))
wave_chisq <- svychisq(~sch.wide + wave, waves, statistic = "F")
compare_oracle <- list(
  yes = num(coef(by_wave)[yes]), yes_se = num(sqrt(diag(vcov(by_wave))))[yes],
  diff = num(coef(contrast)), diff_se = num(SE(contrast)),
  F = num(wave_chisq$statistic), df1 = num(wave_chisq$parameter[1]),
  df2 = num(wave_chisq$parameter[2]), p = num(wave_chisq$p.value), degf = degf(waves))

oracles <- list(
  compare_jk1 = compare_oracle,
  jk1 = c(list(scale = jk1$scale, rscales = num(jk1$rscales)), crosstab_oracle(jk1_supplied)),
  bootstrap = crosstab_oracle(boot),
  bootstrap_mse = crosstab_oracle(boot_mse))
writeLines(toJSON(oracles, digits = NA, auto_unbox = TRUE, pretty = TRUE),
           "tests/oracles/repweight_file_oracles.json")
