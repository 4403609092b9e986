"""Demo data: the simulator of the default survey's responses. Nothing outside this folder
imports it but its command.
"""
