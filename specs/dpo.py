"""DPO: how a preference pair is built (answers sampled from the SFT model,
annotated, paired), which tokens of a pair enter the loss (only the
answers'), and the training pipeline with the DPO loss: pre-training, SFT,
then the policy trained against a frozen copy, the reference model."""
from llmviz_dsl import Cells, Column, Diagram, Edge, Grid, Node, Panel, Row, Span, Text, same, sized

HEAD = dict(color="grey", size=28)                   # column headings of the annotation panel


def panel(title, content):
    return Panel(None, content, title=sized(title, en=27), title_at="bottom-left", title_bold=True, title_size=27,
                 padding=24)


def answer(id, label):
    return Node(id, label, stroke="dark-grey", size=28, width=196, height=62, same_size="answer")


def mark(id, label, fill):
    return Node(id, label, fill=fill, size=28, width=68, height=60)


def pair(id, label, fill):
    return Node(id, label, fill=fill, size=28, width=204, height=62, pad=4)


# ---------------------------------------------------------------- 1. annotation

prompt = ("虎皮青椒用\n什么做？", "Can dogs eat\nchocolate or not?")
good, bad = ("青椒，大蒜。", "No, it's toxic."), ("老虎和辣椒。", "They love it.")

annotation = panel(("DPO样本标注与构建", "DPO sample annotation and construction"), Grid(
    col_gaps=[150, 150, 120, 40], row_gap=40, col_align=["center", "center", "center", "center", "start"],
    rows=[
        [None, Text(None, ("模型回答结果", "Response"), **HEAD), Text(None, ("标注结果", "Annotation"), **HEAD),
         Text(None, ("偏好数据对", "Preference data pairs"), **HEAD), None],
        [Span(Column(Text(None, same("Prompt"), **HEAD), Node("prompt", prompt, fill="data", size=28, width=200),
                     gap=6), rows=3),
         answer("a1", good), mark("m1", ("优", "√"), "model"), pair("p_x", prompt, "data"),
         Text(None, same("Prompt"), size=28)],
        [None, answer("a2", ("你自己去查。", "I donot known.")), mark("m2", ("差", "×"), "loss"),
         pair("p_w", good, "model"), Text(None, "$y_{\\mathrm{win}}$", math_size=48)],
        [None, answer("a3", bad), mark("m3", ("差", "×"), "loss"),
         pair("p_l", bad, "loss"), Text(None, "$y_{\\mathrm{lose}}$", math_size=48)],
    ]))

# ---------------------------------------------------------------- 2. loss region

PROMPT_TOKENS = [("虎", "Can"), ("皮", "dogs"), ("青", "eat"), ("椒", "ch"), ("用", "ocolate"),
                 ("什么", "or"), ("做", "not"), same("？")]


def tokens(rows, fill, size=27):
    return Cells(rows=[rows], cell_width=75, cell_height=62, fill=fill, color="text", text_size=size)


def answer_tokens(words, specials, fill):
    """An answer's tokens, then its special tokens (<END>, <PAD>) in small type."""
    return Row(tokens(words, fill), tokens([same(t) for t in specials], fill, size=16), gap=0)


chosen = answer_tokens([("青", "No"), ("椒", ","), ("，", "it's"), ("大蒜", "toxic"), ("。", ".")],
                       ["<END>", "<PAD>"], "teal-mist")
rejected = answer_tokens([("老虎", "They"), ("和", "love"), ("辣椒", "it"), ("。", ".")],
                         ["<END>", "<PAD>", "<PAD>"], "clay")

region = Panel(None, Column(chosen, rejected, gap=30),
               fill="grass", opacity=0.29, stroke="grey", dash="dashed", stroke_width=1.33, padding=6, radius=4)

loss_region = panel(("一对DPO样本的Loss计算区域", "Loss computation region for a pair of DPO samples"), Grid(
    col_gap=0, row_gap=8, col_align=["end", "end", "center"],
    rows=[
        [Column(Text(None, sized(("优质回答\n（chosen）", "Better answer\n（chosen）"), en=27), size=27),
                Text(None, sized(("劣质回答\n（rejected）", "Poor answer\n（rejected）"), en=27), size=27), gap=22),
         Column(tokens(PROMPT_TOKENS, "data-deep"), tokens(PROMPT_TOKENS, "data-deep"), gap=30),
         region],
        [None, None, Text(None, sized(("仅有回答内容参与Loss计算", "Only the answer content is used for\nloss computation"),
                                         en=27),
                          size=27)],
    ]))

# ---------------------------------------------------------------- 3. training


def model(id, label, fill, **kw):
    return Node(id, label, fill=fill, icon="nn", icon_size=56, size=24, width=164, height=172,
                same_size="model", **kw)


RATIO = r"\beta\log\frac{{\pi_\theta(y_{k}|\,x)}}{{\pi_{{\mathrm{{ref}}}}(y_{k}|\,x)}}"


def implicit(k, zh, en, colour, arrow):
    return (rf"\underbrace{{{RATIO.format(k=k)}}}_{{\textcolor{{{colour}}}{{\text{{{zh}}}}}\text{{的隐式奖励}}"
            rf"\textcolor{{{colour}}}{{{arrow}}}}}",
            rf"\underbrace{{{RATIO.format(k=k)}}}_{{\textit{{implicit reward}}\text{{ of }}\textit{{{en}}}"
            rf"\textcolor{{{colour}}}{{{arrow}}}}}")


W = implicit("w", "优质回答", "better response", "bright-blue", r"\uparrow")
L = implicit("l", "劣质回答", "poor response", "bright-red", r"\downarrow")


def loss(w, l):
    return (r"$\mathcal{L}_{\mathrm{DPO}} = -\mathbb{E}_{(x,y_w,y_l)\sim\mathcal{D}}"
            rf"\left[\log\sigma\left({w} - {l}\right)\right]$")

training = panel(("DPO训练流程", "DPO training process"), Grid(
    col_gaps=[114, 114, 114, 114], row_gap=4,
    rows=[
        [Span(Text(None, (loss(W[0], L[0]), loss(W[1], L[1])), math_size=33),
              cols=3, align="start"),
         model("policy", ("策略\n模型", "Policy\nmodel"), "model"),
         model("final", ("策略\n模型", "Policy\nmodel"), "navy-blue", color="white")],
        [model("init", ("初始\n模型", "Initial\nmodel"), "band", stroke="black"),
         model("pre", ("预训练\n模型", "Pre-train\nmodel"), "model-pale"),
         model("sft", ("SFT\n模型", "SFT\nmodel"), "model"), None, None],
        [Span(Text("other", ("或者从其他\n兼容模型复制", "Or copy from another\ncompatible model"), size=24),
              cols=3, align="end"),
         model("ref", ("参考\n模型", "Reference\nmodel"), "model"), None],
    ]))

diagram = Diagram(
    id="dpo",
    chapter=same("DPO"),
    title=("DPO（Direct Preference Optimization）", "DPO（Direct Preference Optimization）"),
    body=Column(annotation, loss_region, training, gap=26, align="stretch"),
    text_scale={"en": 0.85},
    edges=[
        Edge("prompt", "a2", label=("SFT模型\n推理多次", "Generation\nof\nSFT model"), label_side="bottom",
             label_icon="nn"),
        Edge("a2", "m2", label=("标注", "Annotation"), label_side="bottom", label_icon="people"),
        Edge("m2", "p_w", label=("配对", "Pairing"), label_side="bottom"),
        Edge("init", "pre", label=("（1）预训练", "（1）Pre-train"), label_size=24),
        Edge("pre", "sft", label=("（2）SFT", "（2）SFT"), label_size=24),
        Edge("sft", "policy.left", label=("复制", "Copy"), label_size=24, label_at=0.7, label_side="left"),
        Edge("sft", "ref.left", label=("复制", "Copy"), label_size=24, label_at=0.7, label_side="left"),
        Edge("policy", "final", label=("（3）DPO", "（3）DPO"), label_size=24),
        Edge("ref", "final", route="straight", style="dashed", head="both", label=("参考", "Reference"),
             label_size=29, label_along=True),
        Edge("other", "ref", style="dashdot", merge=False),
    ],
)
