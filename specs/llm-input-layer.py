"""LLM input layer: the tokenizer splits the sentence into tokens (1), looks
each one up in the vocabulary (2) and gets its token ID back (3); the IDs
look up rows of the embedding table (4), which returns three vectors (5)
that go on to the first decoder layer (6). Token colours follow a token from
strip to table row to vector."""
from llmviz_dsl import (Cells, Col, Column, Diagram, Edge, Gap, Grid, Node, Panel, Region, Row, Span, Table, Text,
                        TRow, same)

HOW, ARE, Q = "loss", "secondary", "model"          # 你/How, 是谁/are you, ？
E = ""                                              # an empty cell


def strip(id, cells, **kw):
    """A token strip: one row of wide cells, black text."""
    return Cells(id=id, rows=[cells], cell_width=105.5, cell_height=52.2, text_size=27, color="text", **kw)


def vector(first, last):
    return [first, "...", *[E] * 6, "...", last]


vectors = Cells(id="vectors", rows=[vector("2.6", "0.8"), vector("-1", "-1.3"), vector("0.4", "0.6")],
                row_fills=[HOW, ARE, Q], cell_width=61.9, cell_height=52.8, text_size=27)

vocabulary = Table(
    id="vocab",
    columns=[Col(same("Token ID"), width=121.7), Col(("词元", "Token"), width=121.7)],
    rows=[TRow("0", "!"), ...,
          TRow("11319", "？", fill=Q), ...,
          TRow("56568", ("你", "How"), fill=HOW), ...,
          TRow("105518", ("是谁", "are you"), fill=ARE), ...,
          TRow("151935", E)],
    fill="loss-pale", row_height=38.9, brace=("词表大小=\n151936", "Size =\n151936"))


# Row names (token IDs) beside six narrow component columns; "-1.3" wraps in
# its narrow cell as in the book, and its row grows to hold it.
embeddings = Table(
    id="emb",
    columns=[Col(same("Token ID"), bare=True, align="right"),
             Col(("向量", "Embedding"), count=6, width=40.6, ellipsis=E,
                 brace=("向量维度=896", "Dimension=896"))],
    rows=[TRow("0"), ...,
          TRow("11319", "0.4", "...", E, E, "...", "0.6", fill=Q), ...,
          TRow("56568", "2.6", "...", E, E, "...", "0.8", fill=HOW), ...,
          TRow("105518", "-1", "...", E, E, "...", "-\n1.3", fill=ARE), ...,
          TRow("151935")],
    fill="sky-pale", color="muted", row_height=38.9, pad=1, brace=("大小=\n151936", "Size =\n151936"), brace_size=24)


def panel(id, table, title, color):
    return Panel(id, table, title=title, title_at="top", title_color=color, title_bold=True,
                 fill="panel", stroke="panel-edge", stroke_width=1, padding=24)


def title_line(tool, free, slash="/"):
    """The tokenizer panel's title: the tool in cyan, the alternative in grey."""
    return Row(Text(None, tool, color="cyan", bold=True, pad=0), Text(None, slash, bold=True, pad=0),
               Text(None, free, color="muted", pad=0), gap=7)


# In Chinese the title repeats itself in English on a second line.
tokenizer_title = Column(title_line(("分词器", "Tokenizer"), ("免分词方案（跳过）", "Tokenizer-Free")),
                         title_line(("(Tokenizer", ""), ("Tokenizer-Free)", ""), ("/", "")),
                         id="tok_title", gap=0)

pipeline = Grid(col_gap=40, row_gap=0, rows=[
    [None, Gap(id="decoder", height=69)],
    [None, vectors],
    [None, Gap(height=95)],
    [None, Node("lookup", ("**向量查询**\n（Embedding Lookup）", "Embedding Lookup"), fill="band", stroke="black",
                stroke_width=1, width=437, height=94)],
    [None, Gap(height=240)],
    [Span(tokenizer_title, cols=2, align="start")],
    [None, Gap(height=74)],
    [Gap(width=40), strip("ids", ["56568", "105518", "11319"], col_fills=[HOW, ARE, Q])],
    [None, Gap(height=110)],
    [None, strip("tokens", [("你", "How"), ("是谁", "are you"), "？"], fill="data-deep")],
    [None, Gap(height=179)],
    [None, Node("sentence", ("你是谁？", "How are you？"), shape="box", fill="data-deep", width=316.4, height=52.2)],
])

# Right-aligned: the tokenizer frame (12 around the vocabulary panel) ends
# where the embedding panel does.
tables = Column(Gap(height=36),
                panel("emb_panel", embeddings, ("向量表（Embedding Table）", "Embedding Table"), "text"),
                Gap(height=62),
                Row(panel("vocab_panel", vocabulary, ("词表（Vocabulary）", "Vocabulary"), "cyan"), Gap(width=12),
                    gap=0),
                gap=0, align="end")


def step(src, dst, label=None, color="black", label_color="muted", **kw):
    """A numbered step of the flow: a straight arrow with its label."""
    return Edge(src, dst, route="straight", color=color, label=label, label_color=label_color, **kw)


CYAN = dict(color="cyan", label_color="cyan")

diagram = Diagram(
    id="llm-input-layer",
    chapter=("LLM基础", "LLM basics"),
    title=("LLM输入层", "LLM Input"),
    body=Row(pipeline, tables, gap=220, align="start"),
    edges=[
        step("sentence", "tokens", ("（1）分割", "Split"), label_color="cyan"),
        step("tokens", "vocab_panel", ("（2）查询词表", "Query the vocabulary"), plumb=True, label_side="bottom",
             **CYAN),
        step("vocab_panel", "ids", ("（3）返回Token ID", "Token ID"), plumb=True, **CYAN),
        step("ids", "lookup"),
        step("emb_panel", "lookup", ("（5）返回3个向量", "Embedding"), plumb=True),
        step("lookup", "emb_panel", ("（4）查询向量表", "Query embedding table"), plumb=True, label_side="bottom"),
        step("lookup", "vectors", ("（6）向量", "Embedding")),
        step("vectors", "decoder.top", ("输入到Decoder层", "Input to the Decoder layer")),
    ],
    overlays=[
        Region("tokenizer", ["tok_title", "ids", "tokens", "vocab_panel"], fill=None, stroke="cyan",
               padding=12, radius=17),
    ],
)
