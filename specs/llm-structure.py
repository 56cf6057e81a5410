"""LLM structure: the decoder stack (left, inside the LLM panel) beside the
tensors it passes along (right), each strip level with the arrow it rides
on, and what each one is (far right)."""
from llmviz_dsl import Brace, Cells, Diagram, Dots, Edge, Gap, Grid, Node, Panel, Region, Span, Text, same

E = ""  # an empty cell


def layer(id, label, fill, height=59, **kw):
    return Node(id, label, fill=fill, stroke="black", stroke_width=1.33, width=345, height=height, size=24, **kw)


def word(id, label, fill, **kw):
    return Node(id, label, shape="box", fill=fill, height=52, **kw)


def tensor(id, first, last, dim=896, cols=10):
    """Three rows of values, elided in the middle, with its shape over it."""
    rows = [[a, "...", *[E] * (cols - 4), "...", b] for a, b in zip(first, last)]
    return Cells(id=id, rows=rows, cell_width=25.2, cell_height=25.2, text_size=14,
                 overlay=(f"（形状：3×{dim}）", f"（Shape：3×{dim}）"), overlay_size=18, overlay_fill="panel")


def level(child, rows=1):
    """A right-hand item, centred on its row(s) of the stack, not sizing them."""
    return Span(child, rows=rows, overhang=True)


def name(id, label, rows=1):
    """What a strip is, in blue, level with it."""
    return level(Text(id, label, color="blue", size=24, align="left", pad=0), rows)


def at(id, h=49):
    """The gap (and arrow) between two layers, where a leader line starts."""
    return Gap(id=id, height=h)


stack_and_strips = Grid(row_gap=0, col_gaps=[220, 14], col_align=["center", "center", "start"], rows=[
    [word("out", ("我", "I'm"), "model", width=69, size=27),
     word("out_r", ("我", "I'm"), "panel", width=69, size=27),
     name("l_out", ("输出下一个词", "Output next token"))],
    [Gap(height=61), None, None],
    [layer("decoding", ("解码（Decoding）", "Decoding"), "white", cap="model"),
     level(Cells(id="probs", rows=[["0.01", "...", *[E] * 12, "...", "0.001"]], cell_width=25.2, cell_height=30,
                 text_size=8, color="text")),
     name("l_probs", ("所有候选词元\n的概率", "Probabilities"))],
    [at("at_logits"), level(tensor("logits", ["3.6", "5.1", "2.0"], ["-2.1", "2.9", "-1.7"], dim=151936, cols=16)),
     name("l_logits", same("Logits"))],
    [layer("head", ("语言模型头（LM Head）", "LM Head"), "secondary"), None, None],
    [at("at_h1"), level(tensor("h1", ["0.6", "-1.7", "0.2"], ["1.8", "-1.3", "0.9"])),
     name("l_h1", ("隐藏状态\n(Hidden States)", "Hidden States"))],
    [layer("dec1", ("Decoder层", "Decoder"), "model"), None, None],
    [Panel("dots_l", Dots(groups=2), fill=None, padding=46),
     level(Panel("dots_r", Dots(groups=2), fill=None, padding=24)), None],
    [layer("dec2", ("Decoder层", "Decoder"), "model"), None, None],
    [at("at_h2"), level(tensor("h2", ["2.2", "-1.1", "0.8"], ["1.1", "-1.7", "0.2"])),
     name("l_h2", ("隐藏状态\n(Hidden States)", "Hidden States"))],
    [layer("dec3", ("Decoder层", "Decoder"), "model"), None, None],
    [at("at_h3", 120), level(tensor("h3", ["2.6", "-1", "0.4"], ["0.8", "-1.3", "0.6"])),
     name("l_h3", ("隐藏状态\n(Hidden States)", "Hidden States"))],
    [Span(layer("input", ("输入层", "Input layer"), "data", height=144), rows=3),
     Cells(id="ids", rows=[["56568", "105518", "11319"]], cell_width=72.4, cell_height=38.2),
     name("l_ids", same("Token ID"))],
    [Gap(height=42), None],
    [Cells(id="tokens", rows=[[("你", "How"), ("是谁", "are you"), "？"]], cell_width=72.4, cell_height=38.2,
           text_size=27),
     name("l_tokens", ("词元", "Token"))],
    [Gap(height=85), level(word("sentence_r", ("你是谁？", "How are you？"), "panel", size=27), rows=2),
     name("l_sentence", ("输入句子", "Input sentence"), rows=2)],
    [word("sentence", ("你是谁？", "How are you？"), "data-deep", width=231, size=27)],
])


def up(a, b, **kw):
    return Edge(a, b, route="straight", **kw)


def grey_up(a, b):
    return up(a, b, color="grey")


def leader(a, b):
    return Edge(a, f"{b}.left", route="straight", style="dashdot", head="none", color="grey", plumb=True)


diagram = Diagram(
    id="llm-structure",
    chapter=("LLM基础", "LLM basics"),
    title=("LLM 结构", "LLM"),
    body=stack_and_strips,
    edges=[
        up("sentence", "input"), up("input", "dec3"), up("dec3", "dec2"), up("head", "decoding"),
        up("dec1", "head"), up("decoding", "out"),
        grey_up("sentence_r", "tokens"), grey_up("tokens", "ids"), grey_up("ids", "h3"), grey_up("h3", "h2"),
        grey_up("h2", "dots_r"), grey_up("dots_r", "h1"), grey_up("h1", "logits"), grey_up("logits", "probs"),
        grey_up("probs", "out_r"),
        leader("at_logits", "logits"), leader("at_h1", "h1"), leader("at_h2", "h2"), leader("at_h3", "h3"),
        leader("input", "ids"), leader("input", "tokens"),
    ],
    overlays=[
        Brace(["dec1", "dec3"], id="layers", label=("24层", "$N$\nlayers")),
        Region("llm", ["decoding", "input", "layers"], title=same("LLM"), fill="panel", stroke="light-grey",
               opacity=0.6, padding=24, symmetric=True),
    ],
)
