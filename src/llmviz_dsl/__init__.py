"""llmviz_dsl: the LLM-RL-Visualized diagrams as code.

A spec builds a `Diagram` from these elements; `python -m llmviz_dsl build`
renders it to zh and en SVG + PNG.
"""
from . import elements
from .elements import *  # noqa: F401,F403  (every element family's public names)
from .model import (Arrows, Brace, Cells, Column, Diagram, Dots, Edge, Flow, Gap, Grid, I18n, Mark, Node,
                    Panel, Region, Row, Rule, Span, Text, Timeline, same, sized)

__all__ = ["Arrows", "Brace", "Cells", "Column", "Diagram", "Dots", "Edge", "Flow", "Gap", "Grid", "I18n", "Mark",
           "Node", "Panel", "Region", "Row", "Rule", "Span", "Text", "Timeline", "same", "sized", *elements.__all__]
__version__ = "0.1.0"
