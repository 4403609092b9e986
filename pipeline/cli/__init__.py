"""The `survey` command: one thin module per command; app assembles them."""
