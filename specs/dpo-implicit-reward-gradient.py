"""How the implicit-reward difference sets DPO's update size: the dynamic
coefficient sigma(r_l - r_w) is small when the chosen answer already earns
the larger implicit reward (a small update) and large when the rejected one
does (a large update)."""
import math

from llmviz_dsl import Curve, Diagram, Guide, Note, Plot, same

LOW, HIGH = -6.2, 6.2                    # where the drawn coefficient reaches 0.05 and 0.95


def sigma(x):
    """The book's S-curve: steep around 0, long flat tails (0.05 / 0.95 at -6.2 / 6.2)."""
    return 0.5 + math.atan(0.98 * x) / math.pi


R_L, R_W = r"r_\theta(x,y_l)", r"r_\theta(x,y_w)"
DIFF = rf"\textcolor{{bright-blue}}{{{R_L}-{R_W}}}"
DOTTED = dict(color="black", dash="dotted", width=1)

plot = Plot(
    x=(-10.4, 11.3), y=(0, 1.13), width=1480, height=560, axes_at=(0, 0),
    series=[Curve(sigma, x=(-9.2, 9.1), color="red", width=2)],
    guides=[Guide((LOW, sigma(LOW)), to="y", **DOTTED), Guide((HIGH, sigma(HIGH)), **DOTTED)],
    xticks=[(-10, "-10"), (0, "0"), (10, "10")], yticks=[(1.0, "1.0"), (sigma(HIGH), "0.95")],
    xlabel=("隐式奖励差异\n" f"${DIFF}$", "Difference in implicit rewards\n" f"${DIFF}$"),
    xlabel_at="above",
    ylabel=(f"动态系数：$\\sigma({DIFF})$", f"Dynamic coefficient：$\\sigma({DIFF})$"),
    size=24, label_size=40,
    notes=[
        Note((0, sigma(LOW)), "0.05", side="right"),
        Note((LOW, 0), same(f"${R_L} < {R_W}$"), side="below"),
        Note((HIGH, 0), same(f"${R_L} > {R_W}$"), side="below"),
        Note((LOW, sigma(LOW)), ("**正确情况：**\n优质回答的隐式奖励更大，则\n动态系数$\\sigma(\\cdot)$很小，\n参数更新幅度**较小**",
                                 "**Correct case:**\nIf the implicit reward for a high-quality\nanswer is larger, then the dynamic\n"
                                 "coefficient $\\sigma(\\cdot)$ is small, leading to\nsmaller parameter updates"),
             fill="model", box_at=(-4.3, 0.42), size=24, math_size=27, tail=0.25),
        Note((HIGH, sigma(HIGH)), ("**错误情况：**\n劣质回答的隐式奖励更大，则\n动态系数$\\sigma(\\cdot)$很大，\n参数更新幅度**较大**",
                                   "**Error case:**\nIf the implicit reward for a poor answer\nis larger, then the dynamic coefficient\n"
                                   "$\\sigma(\\cdot)$ is large, leading to larger parameter\nupdates"),
             fill="loss", box_at=(3.55, 0.42), size=24, math_size=27, tail=0.25),
    ],
)

diagram = Diagram(
    id="dpo-implicit-reward-gradient",
    chapter=same("DPO"),
    title=("隐式奖励差异对参数更新幅度的影响",
           "Effect of implicit reward differences on the magnitude of parameter updates"),
    body=plot,
)
