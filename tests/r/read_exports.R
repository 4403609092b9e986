# Reads one export with every R reader the project's users have (haven, foreign, readstata13)
# and writes what each reader sees as a UTF-8 CSV: reader, variable, kind, key, text, valid
# (validUTF8 of the text as read, before any re-encoding). Used by tests/test_export_readers.py.
# Usage: Rscript read_exports.R <file.sav> <file.dta> <out.csv>
args <- commandArgs(trailingOnly = TRUE)
sav <- args[1]; dta <- args[2]; out <- args[3]
suppressPackageStartupMessages({library(haven); library(foreign); library(readstata13)})
rows <- list()
add <- function(reader, variable, kind, key, text) {
  text <- as.character(text)
  if (length(text) == 0 || is.na(text)) return(invisible())
  rows[[length(rows) + 1]] <<- data.frame(reader = reader, variable = variable, kind = kind,
    key = as.character(key), text = text, valid = validUTF8(text))
}
labelled_file <- function(reader, d) {
  for (v in names(d)) {
    add(reader, v, "variable_label", "", attr(d[[v]], "label"))
    labels <- attr(d[[v]], "labels")
    if (!is.null(labels)) {
      keys <- if (is.double(labels)) {
        ifelse(is.na(labels), paste0(".", haven::na_tag(labels)), format(unclass(labels)))
      } else as.character(labels)
      for (i in seq_along(labels)) add(reader, v, "value_label", trimws(keys[i]), names(labels)[i])
    }
  }
}
labelled_file("haven_sav", haven::read_sav(sav, user_na = TRUE))
hd <- haven::read_dta(dta)
labelled_file("haven_dta", hd)
for (v in names(hd)) {
  if (!is.double(hd[[v]])) next
  tags <- haven::na_tag(hd[[v]])
  for (t in c("a", "b", "s")) add("haven_dta", v, "tagged_na", t, sum(tags == t, na.rm = TRUE))
}
f <- foreign::read.spss(sav, to.data.frame = FALSE, reencode = FALSE, use.value.labels = FALSE)
vl <- attr(f, "variable.labels")
for (v in names(vl)) add("foreign_sav", v, "variable_label", "", vl[[v]])
for (v in names(f)) {
  labels <- attr(f[[v]], "value.labels")
  if (!is.null(labels)) for (i in seq_along(labels)) add("foreign_sav", v, "value_label", trimws(format(as.numeric(labels[i]))), names(labels)[i])
}
r <- readstata13::read.dta13(dta, convert.factors = FALSE, generate.factors = FALSE, encoding = "UTF-8", missing.type = TRUE)
types <- attr(r, "types")
for (i in seq_along(names(r))) {
  v <- names(r)[i]
  add("readstata13", v, "variable_label", "", attr(r, "var.labels")[i])
  add("readstata13", v, "storage", "", types[i])
}
for (name in names(attr(r, "label.table"))) {
  t <- attr(r, "label.table")[[name]]
  for (i in seq_along(t)) add("readstata13", name, "label_set", format(t[i], scientific = FALSE), names(t)[i])
}
langs <- readstata13::get.lang(r, print = FALSE)
add("readstata13", "_dta", "languages", "", paste(langs$languages, collapse = " "))
add("readstata13", "_dta", "current_language", "", langs$default)
for (lang in langs$languages) {
  labs <- readstata13::varlabel(r, lang = lang)
  for (v in names(labs)) add("readstata13", v, paste0("variable_label_", lang), "", labs[[v]])
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, fileEncoding = "UTF-8")
