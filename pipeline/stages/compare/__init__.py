"""The wave comparison stage: statistics of the stacked waves, the workbook and the charts."""
