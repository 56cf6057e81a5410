"""PPO-Clip: the clipped objective (three aligned lines) over four plots of
the scaling factor against the probability ratio — the clipped and the
linear factor, then the factor PPO uses when the advantage is positive (the
minimum of the two) and negative (the maximum)."""
from llmviz_dsl import Column, Diagram, Guide, Line, Panel, Plot, Row, Text, same

EPS = 0.4
START, LO, HI, END = 0.1, 1 - EPS, 1 + EPS, 1.85   # the factors bend only at 1 ± ε


def clip(r):
    return min(max(r, LO), HI)


def factor(f, **kw):
    """A scaling factor as a function of the ratio r, drawn over the plot."""
    return Line([(r, f(r)) for r in (START, LO, HI, END)], **kw)


RATIO = r"\frac{\pi_\theta(a_t\,|\,s_t)}{\pi_{\theta_\mathrm{old}}(a_t\,|\,s_t)}"
ADV = r"A_t^{\pi_{\theta_\mathrm{old}}}"
ETA_R = r"\textcolor{cyan-deep}{\eta_t^r}"
ETA_CLIP = r"\textcolor{bright-red}{\eta_t^\mathrm{clip}}"
ETA = r"\textcolor{bright-purple}{\eta_t}"
CLIP = rf"\mathrm{{clip}}\left({RATIO},1-\varepsilon,1+\varepsilon\right)"

ratio = dict(color="cyan", dash="dotted", width=2, label=f"${ETA_R}$")
clipped = dict(color="red", dash="dotted", width=2, label=f"${ETA_CLIP}$")
used = dict(color="violet", width=3, label=f"${ETA}$")
TICKS = [(LO, r"$1\text{-}\varepsilon$"), (1, "$1$"), (HI, r"$1\text{+}\varepsilon$")]


def plot(title, series, guides, caption):
    return Panel(None, Plot(x=(START, 1.9), y=(-0.25, 2.4), width=448, height=340, series=series,
                            guides=[Guide((HI, HI))] + guides, xticks=TICKS, yticks=TICKS, origin="0",
                            xlabel=f"${RATIO}$", ylabel=title, ylabel_at="right", label_size=30),
                 title=caption, title_at="bottom", title_size=28, fill=None, stroke="frame",
                 stroke_width=1, radius=13, padding=24)


objective = (
    r"\begin{aligned} J^{\text{PPO-Clip}}(\theta) &= \mathbb{E}_t\left[\min\left\{"
    rf"\textcolor{{cyan-deep}}{{{RATIO}}}\cdot {ADV},\ \ \textcolor{{bright-red}}{{{CLIP}}}\cdot {ADV}"
    r"\right\}\right] \\ "
    rf"&= \mathbb{{E}}_t\Big[\min\Big\{{{ETA_R}\cdot {ADV},\ \ {ETA_CLIP}\cdot {ADV}\Big\}}\Big] \\ "
    rf"&= \mathbb{{E}}_t\Big[{ETA}\cdot {ADV}\Big] \end{{aligned}}")

clip_curve = plot(same(f"${ETA_CLIP}={CLIP}$"),
                  [factor(clip, **clipped, label_side="right")], [Guide((LO, LO), to="x")],
                  ("（a）“剪裁”缩放系数曲线", "（a）\"Clipp\" scaling factor curve"))
linear_curve = plot(same(f"${ETA_R}={RATIO}$"),
                    [factor(lambda r: r, **ratio, label_side="above")], [Guide((LO, LO))],
                    ("（b）“线性”缩放系数曲线", "（b）\"Linear\" scaling factor curve"))
positive = plot(same(rf"${ETA} = \min\left({ETA_R},\ {ETA_CLIP}\right)$"),
                [factor(lambda r: r, **ratio, label_side="above"),
                 factor(clip, **clipped, label_at=0.33, label_side="above"),
                 # min(r, clip(r)), drawn just below the two it follows
                 factor(lambda r: min(r, clip(r)), **used, label_side="below", shift=-5)],
                [Guide((LO, LO), to="x")],
                ("（a）$A_t$>0 时，缩放系数$\\eta_t$的曲线", "（a）$A_t$>0 ，the curve of scaling factor $\\eta_t$"))
negative = plot(same(rf"${ETA} = \max\left({ETA_R},\ {ETA_CLIP}\right)$"),
                [factor(lambda r: r, **ratio, label_at=0.33, label_side="below"),
                 factor(clip, **clipped, label_side="below"),
                 # max(r, clip(r)), drawn just above the two it follows
                 factor(lambda r: max(r, clip(r)), **used, label_side="above", shift=5)],
                [Guide((LO, LO), to="x")],
                ("（b） $A_t$< 0 时，缩放系数$\\eta_t$的曲线", "（b） $A_t$< 0 ，the curve of scaling factor $\\eta_t$"))

diagram = Diagram(
    id="ppo-clip",
    chapter=("策略优化架构算法及其衍生", "Policy Optimization & Variants"),
    title=same("PPO-Clip"),
    body=Column(
        Text(None, same(f"${objective}$"), math_size=30),
        Row(clip_curve, linear_curve, gap=13, align="stretch"),
        Row(positive, negative, gap=13, align="stretch"),
        gap=22, align="start"),
)
