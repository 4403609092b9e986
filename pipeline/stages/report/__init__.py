"""The report stage: parameterised notebooks executed and rendered to HTML and PDF, with the
data, charts and text they use.
"""
