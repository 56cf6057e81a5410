"""DPO training overview: a preference pair runs through the policy and the
frozen reference model; log-probabilities of the chosen (blue) and rejected
(pink) answers form two beta-log ratios, the DPO loss, and the gradient that
updates the policy. The right column names what each row holds."""
from llmviz_dsl import Arrows, Column, Diagram, Edge, Gap, Grid, Node, Row, Rule, Span, Text, same

WIN, LOSE = "model", "loss"          # chosen answer blue, rejected answer pink


def pair(side, question, answer, fill, y):
    """The prompt x and one answer y, labelled above, underlined below."""
    def part(id, math, label, fill, width):
        return Column(Text(f"{id}_{side}_math", math, math_size=50),
                      Node(f"{id}_{side}", label, fill=fill, size=28, width=width, height=67, pad=2), gap=0)
    return Column(Row(part("x", "$x$", question, "data", 290), part("y", y, answer, fill, 213), gap=0, align="end"),
                  Rule(id=f"line_{side}", shadow=False), gap=2)


def model(id, label, **kw):
    return Node(id, label, fill="secondary", stroke="black", icon="nn", same_size="model",
                width=232, height=102, size=25, pad=8, **kw)


def box(id, math, fill):
    """A Logits / Probs / log-prob box: one formula on a flat colour."""
    return Node(id, math, fill=fill, same_size="box", width=174, height=68, math_size=38, pad=6)


def ratio(id, math):
    return Node(id, math, fill="band", stroke="black", width=370, height=114, math_size=40)


def step(label):
    return Span(Text(None, label, color="grey"), cols=2)


def note(id, label):
    return Text(id, label, size=26, pad=16)       # the pad keeps arrows off the words


def arrow(src, dst, **kw):
    return Edge(src, dst, route="straight", color="grey", width=1, **kw)


LOGP = {"tw": r"\pi_\theta(y_w|x)", "tl": r"\pi_\theta(y_l|x)",
        "rw": r"\pi_{\mathrm{ref}}(y_w|x)", "rl": r"\pi_{\mathrm{ref}}(y_l|x)"}
RATIO_W = rf"\beta\log\frac{{{LOGP['tw']}}}{{{LOGP['rw']}}}"
RATIO_L = rf"\beta\log\frac{{{LOGP['tl']}}}{{{LOGP['rl']}}}"


def four(stem, math):
    """One row of the four columns: policy w/l, (gap), reference w/l."""
    return [box(f"{stem}_tw", math("tw"), WIN), box(f"{stem}_tl", math("tl"), LOSE), None,
            box(f"{stem}_rw", math("rw"), WIN), box(f"{stem}_rl", math("rl"), LOSE)]


space = lambda h: [Gap(height=h)]                                   # noqa: E731
pairs = Row(pair("w", ("虎皮青椒用什么做？", "Can dogs eat\nchocolate or not?"), ("青椒，大蒜。", "No, it's toxic."), WIN, "$y_w$"),
            pair("l", ("虎皮青椒用什么做？", "Can dogs eat\nchocolate or not?"), ("老虎和辣椒。", "They love it."), LOSE, "$y_l$"),
            gap=59)

grid = Grid(
    col_gap=23, row_gap=16,
    rows=[
        [Span(pairs, cols=8, align="start")],
        [Gap(width=76, height=34)],
        [None, Span(model("policy", ("策略模型（$\\pi_\\theta$）", "Policy（$\\pi_\\theta$）")), cols=2), Gap(width=77),
         Span(model("ref", ("参考模型（$\\pi_{\\mathrm{ref}}$）", "Reference（$\\pi_{\\mathrm{ref}}$）"), badge="lock"), cols=2)],
        space(29),
        [None, *four("logits", lambda k: f"$\\mathrm{{Logits}}_{k[1]}$"), None,
         note("n_logits", ("全词表下的Logits", "Logits over the entire\nvocabulary"))],
        [None, step(same("Softmax")), None, step(same("Softmax")), None, Arrows(count=6, length=36)],
        [None, *four("probs", lambda k: f"$\\mathrm{{Probs}}_{k[1]}$"), None,
         note("n_probs", ("全词表下的概率", "Probabilities over the\nentire vocabulary"))],
        [None, step(same("Gather")), None, step(same("Gather")), None,
         Node("funnel", shape="funnel", fill="white", stroke="grey", stroke_width=1.33, width=162, height=46)],
        [None, *four("logp", lambda k: f"${LOGP[k]}$"), None, note("n_action", ("动作概率", "Action\nprobability"))],
        space(30),
        [None, Span(ratio("ratio_w", f"${RATIO_W}$"), cols=2), None, Span(ratio("ratio_l", f"${RATIO_L}$"), cols=2),
         None, note("n_reward", ("“隐式奖励”", "“Implicit reward”"))],
        space(30),
        [None, Span(Node("loss", f"$-\\log\\sigma\\left({RATIO_W}-{RATIO_L}\\right)$", fill="band", stroke="black",
                         width=860, height=112, math_size=37), cols=5),
         None, note("n_loss", same("Loss"))],
        space(100),
        [None, Span(Node("grad", ("梯度", "Gradient"), fill="secondary", size=28, width=216, height=55), cols=5)],
    ],
)

diagram = Diagram(
    id="dpo-training-overview",
    chapter=same("DPO"),
    title=("DPO训练全景图", "Overview of DPO training"),
    body=grid,
    min_width=1370,                   # the book's frame: room for the footer in both languages
    edges=[
        arrow("line_w", "policy", plumb=True), arrow("line_w", "ref"),
        arrow("line_l", "ref", plumb=True), arrow("line_l", "policy"),
        arrow("policy", "logits_tw"), arrow("policy", "logits_tl"),
        arrow("ref", "logits_rw"), arrow("ref", "logits_rl"),
        *[arrow(f"{a}_{k}", f"{b}_{k}") for k in ("tw", "tl", "rw", "rl")
          for a, b in (("logits", "probs"), ("probs", "logp"))],
        arrow("logp_tw", "ratio_w"), arrow("logp_rw", "ratio_w"),
        arrow("logp_tl", "ratio_l"), arrow("logp_rl", "ratio_l"),
        arrow("ratio_w", "loss", plumb=True), arrow("ratio_l", "loss", plumb=True),
        arrow("loss", "grad", plumb=True, label_icon="nn", label_size=27, label_align="left",
              label=("在策略模型（$\\pi_\\theta$）中进行反向传播",
                     "Backpropagation is performed in the\npolicy model $\\pi_\\theta$")),
        Edge("grad.left", "policy.left", color="grey", width=1, around="left",
             label=("更新\n参数", "update"), label_size=29, label_align="left", label_at=0.85),
        arrow("n_action", "n_reward"), arrow("n_reward", "n_loss"),
    ],
)
