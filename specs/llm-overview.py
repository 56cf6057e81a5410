"""LLM overview: the model end to end on a toy configuration (max_seq_len 3,
hid_size 4, two heads, vocabulary 10, FFN width 10), every tensor drawn with
its shape. Right to left it zooms in: the model as four blocks (far right),
the same model with its tensors (embedding layer enlarged below it), one
decoder layer (residuals, FFN), and its multi-head attention (far left).
Pink and blue are the two attention heads; green grids are weights."""
from llmviz_dsl import (Arrows, Column, Diagram, Dim, Edge, Gap, Grid, Node, Panel, Row, Span, Tensor, Text, Zoom,
                        same)

E = ""                      # an empty cell
C = 36                      # cell side of the toy tensors
NOTE = "tan"                # side notes and tensor axes
PINK, BLUE = "loss", "model"   # the two attention heads
SEQ, HID = same("seq\n_len"), same("hid_size")
HATCH = "grey"              # lines over masked (-1e9) cells


def t(id, rows, cols, rows_dim=SEQ, cols_dim=HID, **kw):
    """An empty toy tensor of rows x cols cells with its axes named."""
    return Tensor(id=id, rows=[[E] * cols for _ in range(rows)], cell_width=C, cell_height=C,
                  rows_dim=rows_dim, cols_dim=cols_dim, **kw)


def weight(id, name, rows, cols, rows_dim=same("hid_\nsize"), cols_dim=HID, **kw):
    """A weight matrix: green lines, its name in the first cell."""
    return Tensor(id=id, rows=[[E] * cols for _ in range(rows)], cell_width=32, cell_height=32, sep="grass",
                  name=same(name), rows_dim=rows_dim, cols_dim=cols_dim, **kw)


def head(id, fill, rows=3, cols=2, **kw):
    """One attention head's slice (no axes unless given)."""
    kw.setdefault("rows_dim", None)
    kw.setdefault("cols_dim", None)
    kw.setdefault("centred", False)
    return t(id, rows, cols, fill=fill or "white", **kw)


def op(id, label, width=260, **kw):
    """A computation: code in a plain box."""
    kw.setdefault("fill", "white")
    kw.setdefault("size", 20)
    return Node(id, same(label), shape="box", stroke="black", stroke_width=1, width=width, **kw)


def norm(id):
    return op(id, "RMS Norm(hid_size,\nepsilon=rms_norm_eps)", fill="clay-pale")


def plus(id):
    return Node(id, "+", shape="circle", fill="clay", stroke="brown", width=30, height=30, size=16)


def caption(id, zh, en, size=20, **kw):
    return Text(id, (zh, en), size=size, **kw)


def masks(p):
    """ALiBi + look-ahead mask and padding mask, added into one mask."""
    m = same("-1e9")
    up3 = [[None, HATCH, HATCH], [None, None, HATCH]]
    alibi = Tensor(id=f"{p}alibi", rows=[["0", m, m], ["-1", "0", m], ["-2", "-1", "0"]], cell_width=C,
                   cell_height=C, color="text", cell_hatch=up3)
    pad = Tensor(id=f"{p}pad", rows=[["0", "0", m]] * 3, cell_width=C, cell_height=C, color="text",
                 cell_hatch=[[None, None, HATCH]] * 3)
    both = Tensor(id=f"{p}mask", rows=[["0", m, m], ["-1", "0", m], ["-2", "-1", m]], cell_width=C,
                  cell_height=C, color="text", cell_hatch=up3 + [[None, None, HATCH]])
    return Row(Column(alibi, Text(None, same("Alibi &\nlook ahead mask"), color="violet", size=20),
                      Column(pad, Text(None, same("padding mask"), size=16), gap=4), gap=16),
               both, gap=70)


def pair(id, pink, blue, gap=16):
    """Two heads side by side, grids level (an axis hangs below the first)."""
    return Row(pink, blue, id=id, gap=gap, align="start")


def qkv_label(id, letter, *heads, axis=None):
    """A head pair over its letter (q, k, v), the heads' axis between them."""
    under = [Dim(axis)] if axis else []
    return Column(pair(id, *heads), *under, Text(None, same(letter), size=28, pad=0), gap=4)


# ------------------------------------------------------------ multi-head attention (far left)

M = same("-1e9")
UPPER = [[None, "loss-pale", "loss-pale"], [None, None, "loss-pale"], [None, None, "loss-pale"]]
UPPER_B = [[None, "model-pale", "model-pale"], [None, None, "model-pale"], [None, None, "model-pale"]]


def scores(id, fill, upper, values, hatch=None):
    return Tensor(id=id, rows=values, cell_width=C, cell_height=C, fill=fill, cell_fills=upper, color="text",
                  cell_hatch=hatch)


ZEROS = [[E, "0", "0"], [E, E, "0"], [E, E, "0"]]
UPPER_H = [[None, PINK, PINK], [None, None, PINK], [None, None, PINK]]     # hatch of the masked cells
UPPER_HB = [[None, BLUE, BLUE], [None, None, BLUE], [None, None, BLUE]]
MASKED = [[E, M, M], [E, E, M], [E, E, M]]

wqkv = Panel("wqkv", Row(Text(None, same("Wqkv\npack"), color="cobalt", size=20),
                        weight("wq", "Wq", 4, 4, rows_dim=None, cols_dim=None),
                        weight("wk", "Wk", 4, 4, rows_dim=None, cols_dim=None),
                        weight("wv", "Wv", 4, 4, rows_dim=same("hid_\nsize"), rows_dim_at="right",
                               cols_dim=HID, cols_dim_at="top"), gap=20),
             fill=None, stroke="black", stroke_width=1.5, dash="dotted", padding=16)

qkv_pack = Panel("qkv_pack", Row(Text(None, same("qkv\npack"), size=20),
                                 Column(t("pq", 3, 4, rows_dim=None, cols_dim=None),
                                        Text(None, same("q"), size=16, pad=0), gap=2),
                                 Column(t("pk", 3, 4, rows_dim=None, cols_dim=None),
                                        Text(None, same("k"), size=16, pad=0), gap=2),
                                 Column(t("pv", 3, 4, rows_dim=same("seq_\nlen"), rows_dim_at="right", cols_dim=None),
                                        Text(None, same("v"), size=16, pad=0), gap=2), gap=14),
                 fill=None, stroke="black", stroke_width=1.5, dash="dotted", padding=14)

# The last column is empty room that centres the main column (k) in the panel,
# level with the hidden states that enter and leave it.
mha_grid = Grid(row_gap=72, col_gap=80, rows=[
    [None, None, t("ao", 3, 4), None],
    [weight("wo", "Wo", 4, 4), None, op("lin_o", "Linear(num_heads * head_dim,\nhid_size,\nbias=False)",
                                        width=300), None],
    [None, None, t("merged", 3, 4), None],
    [None, None, Column(Dim(same("seq_len")),
                        Row(head("h1", None, 2, 2, rows_dim=same("num\n_head"), cols_dim=same("head\n_dim"),
                                 cell_fills=[[PINK, PINK], [BLUE, BLUE]]),
                            head("h2", None, 2, 2, cell_fills=[[PINK, PINK], [BLUE, BLUE]]),
                            head("h3", None, 2, 2, cell_fills=[[PINK, PINK], [BLUE, BLUE]]), gap=16, align="start"),
                        id="heads3", gap=4), None],
    [None, None, Column(Dim(same("num_head")),
                        pair(None, head("att_p", PINK, rows_dim=same("seq_\nlen"), cols_dim=same("head\n_dim")),
                             head("att_b", BLUE)), id="att", gap=4), None],
    [None, None, op("av", "att_out = matmul(att_wei, v)", width=300), None],
    [None, None, pair("score", scores("score_p", PINK, UPPER, ZEROS), scores("score_b", BLUE, UPPER_B, ZEROS),
                      gap=30), None],
    [None, None, op("softmax", "att_wei = softmax( att_wei )", width=300), None],
    [Span(masks("a_"), rows=2), plus("plus_p"),
     Column(pair("masked", scores("masked_p", PINK, UPPER, MASKED, UPPER_H),
                 scores("masked_b", BLUE, UPPER_B, MASKED, UPPER_HB), gap=30), Dim(same("num_head")), gap=4),
     plus("plus_b")],
    [None, pair("scaled", head("scaled_p", PINK, 3, 3, rows_dim=SEQ, cols_dim=same("seq_len")),
                      head("scaled_b", BLUE, 3, 3), gap=30), None],
    [None, None, op("scale", "att_wei =\natt_wei / math.sqrt( head_dim )", width=300), None],
    [None, None, op("qk", "att_wei = matmul(q, k)", width=300), None],
    [None, None, Column(pair(None, head("kt_p", PINK, 2, 3, rows_dim=same("head\n_dim"), cols_dim=same("seq_len")),
                             head("kt_b", BLUE, 2, 3)),
                        Dim(same("num_head")), id="kt", gap=4), None],
    [Column(Text(None, same("ROPE"), color="violet", size=28, pad=0), t("rope", 3, 2, rows_dim=None, cols_dim=None),
            gap=8),
     qkv_label("q", "q", head("q_p", PINK, rows_dim=same("seq_\nlen"), cols_dim=same("head\n_dim")),
               head("q_b", BLUE), axis=same("num_head")),
     qkv_label("k", "k", head("k_p", PINK), head("k_b", BLUE)),
     qkv_label("v", "v", head("v_p", PINK), head("v_b", BLUE))],
    [None, None, qkv_pack, None],
    [Span(wqkv, cols=2, align="end"), op("lin_qkv", "Linear(hid_size,\n3 * hid_size,\nbias=False)"), None],
])

mha_panel = Panel("mha_panel", mha_grid, fill=None, stroke="brown", dash="dashed", stroke_width=2, padding=50)

mha_side = Column(caption("mha_top", "hidden states(隐层状态)", "hidden states"), mha_panel,
                  caption("mha_bottom", "hidden states(隐层状态)", "hidden states"), gap=60, axis="k")

# ------------------------------------------------------------ one decoder layer (centre)

ffn_grid = Grid(row_gap=56, col_gap=70, rows=[
    [Span(weight("wdown", "Wdown", 10, 4, rows_dim=same("intermediate\n_size"), cols_dim=same("hid_\nsize"),
                 cols_dim_at="top"), rows=3), t("f_out", 3, 4), None, None],
    [op("down", "down_proj = Linear(intermediate_size,\nhid_size,\nbias=False)", width=340), None, None],
    [t("f_act", 3, 10, cols_dim=same("intermediate_size")), None, None],
    [None,
     Node("hadamard", ("up_proj  ⊙  gate_proj\n（Hadamard product—Element-wise\nproduct， 哈达玛积—逐元素乘积）",
                       "up_proj  ⊙  gate_proj\n（Hadamard product—Element-wise\nproduct）"),
          shape="box", stroke="black", stroke_width=1, size=20, width=340), None,
     Row(Node("silu_icon", same("Silu"), shape="box", fill="white", stroke="tan", color="tan", size=16,
              icon="silu", icon_size=40, pad=4, width=60, height=60),
         op("silu", "Silu Activation", width=300), Gap(width=60), gap=12)],   # centred over its input
    [weight("wgate", "Wgate", 4, 10, cols_dim=same("intermediate_size")), t("f_up", 3, 10,
                                                                        cols_dim=same("intermediate_size")),
     None, t("f_gate", 3, 10, cols_dim=same("intermediate_size"))],
    [None, None, Node("swiglu", same("SwiGLU"), shape="ellipse", fill="loss", size=20, width=130, height=70), None],
    [weight("wup", "Wup", 4, 10, cols_dim=same("intermediate_size")),
     op("up", "up_proj = Linear(hid_size,\nintermediate_size,\nbias=False)", width=300), None,
     op("gate", "gate_proj = Linear(hid_size,\nintermediate_size,\nbias=False)", width=300)],
])

ffn_panel = Panel("ffn", Column(Text(None, same("down_proj( silu(gate_proj(x)) ⊙ up_proj(x) )"), color="cobalt",
                                     size=20, align="left"), ffn_grid, gap=30, align="start"),
                  title=same("FFN"), title_color="cobalt", title_size=36, axis="f_out", fill=None, stroke="cobalt",
                  dash="dashed", stroke_width=2, padding=36)

layer = Column(plus("add2"), ffn_panel, norm("norm2"), plus("add1"), t("mha_out", 3, 4),
               Node("mha", ("MHA\n（Multi-head Attention）", "MHA\n（Multi-head Attention）"), shape="box",
                    fill="clay", stroke="brown", stroke_width=2, size=36, width=420, height=480),
               norm("norm1"), gap=70, axis="f_out")

dec_panel = Panel("dec_panel", layer, title=same("Decoder Layer"), title_color="indigo",
                  title_size=36, fill=None, stroke="cobalt", dash="dashed", stroke_width=2, padding=50)

dec_side = Column(caption("dec_top", "hidden states(隐层状态)", "hidden states"), t("dec_out", 3, 4),
                  dec_panel, t("dec_in", 3, 4), caption("dec_bottom", "hidden states(隐层状态)", "hidden states"),
                  gap=40, axis="f_out")

# ------------------------------------------------------------ the model with its tensors (centre right)

VOCAB = [[same(w) for w in ("[pad]", "[bos]", "[eos]", "[sep]", ",", "hi", "my", "freind", "!", "[ukn]")],
         [str(i) for i in range(10)]]

emb_grid = Grid(row_gap=60, col_gap=60, rows=[
    [None, None, Row(Gap(width=92), t("e_out", 3, 4), Arrows(count=3, direction="left", length=50, spacing=C, color="black"),
                     Tensor(id="e_ids_r", rows=[["1"], ["5"], ["0"]], cell_width=C, cell_height=C, color="text",
                            cell_fills=[[None], [None], ["light-grey"]]), gap=6), None, Gap(width=126)],
    [Text(None, same("token\nembedding"), size=20),
     Column(Tensor(id="e_idx", rows=[[str(i) for i in range(10)]], cell_width=40, cell_height=C, color="text",
                   sep="grey"),
            Arrows(count=10, direction="down", length=44, spacing=40, color="black"),
            weight("e_table", "token embedding", 4, 10, cols_dim=same("vocab_size")), gap=4),
     op("embeds", "inputs_embeds =\nembed_tokens(input_ids)", width=300), None],
    [None, None, Row(Text(None, same("max\nseq\nlen"), color=NOTE, size=16, pad=0),
                     Tensor(id="e_ids", rows=[["1"], ["5"], ["0"]], cell_width=C, cell_height=C, color="text",
                            cell_fills=[[None], [None], ["light-grey"]], rows_dim=SEQ), Gap(width=31.8), gap=4),
     Text("pad_note", ("Add pad tokens to make length equal to max_seq_len\n（添加pad token使seq长度达到max_seq_len）\n"
                       "Note: end token [eos] also needs to be added, omitted here.\n"
                       "(注意：还需添加end token  [eos] ，这里简化省略了)",
                       "Add pad tokens to make length equal to max_seq_len\n"
                       "Note: end token [eos] also needs to be added, omitted here."),
          color=NOTE, size=16, align="left")],
    [Text(None, same("Vocabulary"), size=20),
     Tensor(id="vocab", rows=VOCAB, cell_width=62, cell_height=C, color="text", cols_dim=same("vocab_size"),
            col_notes=[same("padding"), same("begin"), same("end"), same("separate"), None, None, None, None, None,
                       same("unknown")]),
     op("tokenizer", "tokenizer"), None],
    [None, None, Tensor(id="bos_hi", rows=[[same("bos")], [same("hi")]], cell_width=44, cell_height=C, color="text"), None],
    [None, None, Tensor(id="hi_in", rows=[[same("hi")]], cell_width=44, cell_height=C, color="text"), None],
])

emb_panel = Panel("emb_panel", emb_grid, title=same("Embedding Layer"), title_color="indigo", title_size=36,
                  fill=None, stroke="indigo", dash="dashed", stroke_width=2, padding=40)


def decoder(id):
    return Node(id, same("Transformer Decoder"), shape="box", fill="model", stroke="black", stroke_width=2,
                size=36, width=500, height=250)


model_grid = Grid(row_gap=70, col_gap=80, col_align=["center", "center", "start"], rows=[
    [None, Grid(row_gap=40, col_gap=120, rows=[
        [None, Node("gen_icon", None, shape="circle", icon="doc", fill="white", stroke="brown", width=100,
                    height=100)],
        [op("loss", "loss\nCrossEntropyLoss(shift_logits, shift_labels)", width=380, size=16),
         op("response", "response = tokenizer.decode( outputs_logits )", width=380, size=16)]]), None],
    [None, t("logits", 3, 10, cols_dim=same("vocab_size")),
     Text("infer_note", ("Note: During inference, generally generated one by one,\nit may not be a large matrix "
                         "like this.\n（注意：推理时一般是逐个token生成的，未必是这样的大矩阵）",
                         "Note: During inference, generally generated one by one,\nit may not be a large matrix "
                         "like this."), color=NOTE, size=16, align="left")],
    [weight("head_w", "head weights", 4, 10, cols_dim=same("vocab_size")),
     Node("lm_head", ("linear(vocab_size, hidden_size)\n(ps: transposed, 转置了)",
                      "linear(vocab_size, hidden_size)\n(ps: transposed)"),
          shape="box", stroke="black", stroke_width=1, size=20, width=300), None],
    [None, t("head_in", 3, 4), None],
    [None, norm("norm3"), None],
    [None, decoder("td2"), None],
    [None, decoder("td1"), masks("m_")],
    [Span(emb_panel, cols=3)],
])

# ------------------------------------------------------------ the model as blocks (far right)


def block(id, zh, en):
    return Node(id, (zh, en), shape="box", fill="model", stroke="black", stroke_width=2, size=36, icon="nn", icon_size=70,
                icon_at="left", width=480, height=230)


def doc(id):
    return Node(id, None, shape="circle", icon="doc", fill="white", stroke="brown", width=100, height=100)


overview = Column(
    Column(Tensor(rows=[["4", "6", "7", "8"]], cell_width=80, cell_height=50, sep="clay", color=NOTE, text_size=24),
           Tensor(rows=[["，", same("my"), same("friend"), "!"]], cell_width=80, cell_height=56, sep="brown",
                  color="brown", text_size=24), id="gen_tokens", gap=6),
    doc("gen_doc"),
    Node("decode", ("解码策略", "Decoding"), shape="box", fill="white", stroke="black", stroke_width=2, size=36,
         width=480, height=80),
    block("blk2", "Transformer Decoder", "Transformer Decoder"),
    block("blk1", "Transformer Decoder", "Transformer Decoder"),
    Panel("emb_box", Row(Node("b_vocab", ("Vocabulary\n（词汇表）", "Vocabulary"), fill="white", stroke="black",
                              stroke_width=1, size=20),
                         Node("b_emb", ("Token\nEmbedding\n（词汇向量）", "Token\nEmbedding"), fill="white",
                              stroke="black", stroke_width=1, size=20), gap=160),
          title=same("Embedding Layer"), title_at="top", title_size=36, fill="panel-blue", stroke="black",
          stroke_width=2, padding=20),
    doc("in_doc"),
    Node("hi", same("Hi"), fill="white", stroke="brown", color="brown", size=28, width=90, height=60),
    gap=90)

LEGEND_ZH = ("》绿色方块：可训练参数\n》黑色方块：计算结果/其他\n》蓝色方块、粉色方块代表2种注意力头，\n    实际中通常有数十个\n"
             "》max_seq_len = 3 (最大序列长度)\n》hid_size = 4 (隐藏状态维度)\n》vocab_size = 10 (词表大小)\n"
             "》num_head = 2 (注意力头数)\n》intermediate_size = 10 (FFN block内维度)\n"
             "》图中Decoder 层数 = 2 ，实际中通常数十层以上\n》图中矩阵：按照行、列的维度，继续延伸，\n"
             "    逆时针方向递增维度。如右图所示。")
LEGEND_EN = ("• Green blocks: Trainable parameters\n• Black blocks: Computation results/other components\n"
             "• Blue & pink blocks: Represent two types of attention heads.\n"
             "• In practice, there are typically dozens of attention heads.\n"
             "• max_seq_len = 3 (Maximum sequence length)\n• hid_size = 4 (Hidden state dimension)\n"
             "• vocab_size = 10 (Vocabulary size)\n• num_head = 2 (Number of attention heads)\n"
             "• intermediate_size = 10 (Inner dimension of FFN block)\n"
             "• Decoder layers in the diagram = 2, while actual models\n    usually have dozens or more layers.\n"
             "• Matrix dimensions in the diagram: Extend along rows and\n    columns, with dimensions increasing "
             "counterclockwise (as\n    shown in the right figure).")


def slab(id, **kw):
    """One (head, sequence) slab of the layout sketch: a pink and a blue head row."""
    return Tensor(id=id, rows=[[E, E], [E, E]], cell_width=44, cell_height=36,
                  cell_fills=[[PINK, PINK], [BLUE, BLUE]], **kw)


layout_sketch = Column(
    Row(Arrows(count=1, direction="left", length=120, color="black"), Text(None, same("batch"), size=30, pad=0),
        Arrows(count=1, direction="left", length=120, color="black"), gap=8),
    Row(Grid(row_gap=40, col_gap=70, rows=[[slab("s1"), slab("s2")], [slab("s3"), slab("s4")],
                                           [slab("s5", rows_dim=same("num_\nhead"), cols_dim=same("head_dim"),
                                                 dim_color="black", dim_size=24), slab("s6")]]),
        Column(Arrows(count=1, direction="up", length=160, color="black"), Text(None, same("seq_len"), size=24,
                                                                                pad=0),
               Arrows(count=1, direction="up", length=160, color="black"), gap=8), gap=30),
    gap=20)

legend = Panel("legend", Row(Column(Text(None, ("图注：", "Caption"), size=40, align="left"),
                                    Text(None, (LEGEND_ZH, LEGEND_EN), size=22, align="left"), align="start", gap=20),
                             layout_sketch, gap=60),
               fill="white", stroke="grey", padding=40)

right_side = Column(overview, legend, gap=100, align="end", spread=True)

# ------------------------------------------------------------ edges


def up(a, b, **kw):
    return Edge(a, b, route="straight", **kw)


def note_edge(a, b, en, zh, side="bottom", **kw):
    """An edge carrying a tan note (English, then Chinese in zh)."""
    return Edge(a, b, label=(f"{en}\n{zh}", en), label_color=NOTE, label_size=16, label_side=side, **kw)


def code_edge(a, b, label, **kw):
    return Edge(a, b, label=same(label), label_size=16, **kw)


def dotted(a, b, **kw):
    return Edge(a, b, style="dotted", **kw)


def red(a, b, **kw):
    return Edge(a, b, color="red", **kw)


def blue(a, b, **kw):
    return Edge(a, b, color="cobalt", **kw)


mha_edges = [
    up("mha_bottom", "lin_qkv"), dotted("wqkv", "lin_qkv", route="straight"), up("lin_qkv", "qkv_pack"),
    Edge("qkv_pack", "q", label=("Split q, k, v into multiple heads\n（切分q、k、v为多头）",
                                 "Split q, k, v into multiple heads"), label_color=NOTE, label_size=16),
    code_edge("qkv_pack", "k", "split"), Edge("qkv_pack", "v"),
    Edge("rope", "q"), Edge("rope", "k"),
    code_edge("k", "kt", "k.transpose(2, 3)", route="straight"),
    red("q_p.top", "qk.left"), blue("q_b.top", "qk.left"), red("kt_p.top", "qk.bottom"), blue("kt_b.top", "qk.bottom"),
    up("qk", "scale"),
    note_edge("scale", "scaled", "Scaled down to avoid the vanishing gradient problem", "（缩小以避免梯度消失问题）",
              route="straight"),
    red("scaled_p", "plus_p"), blue("scaled_b", "plus_b"),
    Edge("a_alibi", "a_mask"), Edge("a_pad", "a_mask"),
    red("a_mask", "plus_p"), blue("a_mask", "plus_b"),
    red("plus_p", "masked_p"), blue("plus_b", "masked_b"),
    red("masked_p", "softmax"), blue("masked_b", "softmax"),
    red("softmax", "score_p"), blue("softmax", "score_b"),
    note_edge("score_p", "av", "attention score", "（注意力分数）", color="red"),
    note_edge("score_b", "av", "attention score", "（注意力分数）", side="top", color="cobalt"),
    Edge("v_p", "av.right", color="red", label=same("V"), label_color=NOTE, label_size=16),
    Edge("v_b", "av.right", color="cobalt", label=same("V"), label_color=NOTE, label_size=16),
    note_edge("av", "att_p", "attention results = attention score * V", "（注意力结果 = 注意力分数 * V）",
              color="red", label_at=0.25), blue("av", "att_b"),
    code_edge("att", "heads3", "att_out.transpose(1, 2)", route="straight"),
    code_edge("heads3", "merged", "reshape( seq_len,\nhid_size)", route="straight", label_at=0.3),
    note_edge("merged", "lin_o", "heads merged", "（多头已合并）", route="straight"),
    dotted("wo", "lin_o", route="straight"),
    up("lin_o", "ao"),
    note_edge("ao", "mha_top", "Restored back to the shape it had when it first entered the MHA",
              "（又重新还原为刚进入MHA时的shape）", route="straight", label_at=0.2),
]

dec_edges = [
    up("dec_bottom", "dec_in"), up("dec_in", "norm1"), Edge("norm1", "mha", label=same("pre norm"),
                                                            label_color=NOTE, label_size=16, route="straight"),
    up("mha", "mha_out"), up("mha_out", "add1"),
    note_edge("dec_in", "add1.right", "residual connection", "（残差连接）", side="top"),
    up("add1", "norm2"), Edge("norm2.top", "up.bottom"), Edge("norm2.top", "gate.bottom"),
    dotted("wup", "up", route="straight"), dotted("wgate.right", "gate.left", route="straight"),
    dotted("wdown", "down", route="straight"),
    note_edge("up", "f_up", "Up scale", "（升维）", route="straight"), up("gate", "f_gate"),
    up("f_gate", "silu"), note_edge("silu", "hadamard.right", "Act as a gate", "（充当门控）", side="top"),
    up("f_up", "hadamard"),
    note_edge("hadamard", "f_act", "After activation", "（经过激活之后）", route="straight", label_at=0.3),
    up("f_act", "down"), note_edge("down", "f_out", "Down scale", "（降维）", route="straight", label_at=0.3),
    up("f_out", "add2"),
    note_edge("add1.top", "add2.right", "residual connection", "（残差连接）", side="top"),
    up("add2", "dec_out"), up("dec_out", "dec_top"),
]

model_edges = [
    up("hi_in", "bos_hi", label=("+ [bos]", "+ [bos]"), label_size=16,
       note=("增加起始、分割等特殊Token", ""), note_size=16),
    up("bos_hi", "tokenizer"), dotted("vocab", "tokenizer"),
    note_edge("tokenizer", "e_ids", "text to token id", "（文本转为token id）", side="top", route="straight"),
    up("e_ids", "embeds"),
    dotted("e_table", "embeds", label=same("embedding\nlookup"), label_color=NOTE, label_size=16),
    note_edge("embeds", "e_out", "token id to embedding", "（token id转为embedding）", side="top",
              route="straight"),
    up("e_out", "td1", plumb=True, label_at=0.7, label=("hidden states(隐层状态)", "hidden states"), label_size=20),
    up("td1", "td2", label=("hidden states(隐层状态)", "hidden states"), label_size=20),
    Edge("m_alibi", "m_mask"), Edge("m_pad", "m_mask"),
    note_edge("m_mask", "td1.right", "Apply positional encoding and causal mask", "（应用位置编码和causal mask）",
              side="top"),
    note_edge("m_mask", "td2.right", "Apply positional encoding and causal mask", "（应用位置编码和causal mask）",
              side="top"),
    up("td2", "norm3"), up("norm3", "head_in"), up("head_in", "lm_head"), dotted("head_w", "lm_head", route="straight"),
    note_edge("lm_head", "logits", "A large logits distribution (size=vocab_size) is generated for each seq "
              "position.", "(针对每个 seq 位置都生成了一个大的 logits 分布 (size=vocab_size))", side="top",
              route="straight"),
    Edge("logits", "loss", route="straight", label=same("(A) train"), label_size=16),
    Edge("logits", "response", route="straight", label=same("(B) inference"), label_size=16),
    up("response", "gen_icon", label=("generated text\n(生成的文本)", "generated text"), label_size=16),
]

overview_edges = [
    up("hi", "in_doc"), up("in_doc", "emb_box", label=same("Input"), label_size=28),
    up("emb_box", "blk1", label=("hidden states\n(隐藏状态)", "hidden states"), label_size=28),
    up("blk1", "blk2", label=("hidden states\n(隐藏状态)", "hidden states"), label_size=28),
    up("blk2", "decode", label=("hidden states\n(隐藏状态)", "hidden states"), label_size=28),
    up("decode", "gen_doc", label=("生成的文本", "text"), label_size=28),
    up("gen_doc", "gen_tokens"),
]

diagram = Diagram(
    id="llm-overview",
    chapter=("LLM基础", "LLM basics"),
    title=("LLM结构全视图", "LLM Global View"),
    body=Row(mha_side, dec_side, model_grid, right_side, gap=480, align="stretch"),
    edges=mha_edges + dec_edges + model_edges + overview_edges,
    overlays=[
        Zoom("mha", "mha_panel", color="brown", style="dashed", head=True),
        Zoom("td1", "dec_panel", color="cobalt", style="dashed", head=True),
        Zoom("emb_box", "emb_panel", color="indigo", style="dashed", head=True),
    ],
)
