"""Survey pipeline: questionnaire to reports."""
