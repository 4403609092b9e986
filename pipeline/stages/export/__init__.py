"""The export stage: SPSS (.sav/.sps), Stata (.dta) and CSV with full metadata."""
