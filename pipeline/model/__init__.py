"""The questionnaire model: questionnaire, frame, expressions, lint, harmonisation, cleaning
rules. Imports core only.
"""
