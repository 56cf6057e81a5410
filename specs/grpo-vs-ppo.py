"""GRPO & PPO: the two training loops, PPO above the rule, GRPO below."""
from llmviz_dsl import Column, Diagram, Dots, Edge, Flow, Grid, Node, Panel, Rule, Text, same


def model(id, label, fill, **kw):
    return Node(id, label, fill=fill, stroke="black", icon="nn", same_size="model", width=138, height=102, **kw)


def value(id, label, **kw):
    return Node(id, label, fill="band", same_size="value", width=93, height=61, **kw)


def group(id, cells, caption):
    """A column of values (o_1 ... o_G) in an outlined box with a caption."""
    return Panel(id, Column(*cells, gap=18), title=caption, title_at="bottom", fill="white",
                 stroke="black", padding=10, radius=6)


def feedback(src, dst, **kw):
    return Edge(src, dst, style="dotted", **kw)


section = dict(font="serif", bold=True, size=43)

ppo = Flow(
    Node("q", "$q$", fill="data", width=93, height=59),
    model("policy", ("策略模型", "Policy model"), "model"),
    value("o", "$o$"),
    model("ref", ("参考模型", "Reference\nmodel"), "model-pale"),
    model("reward", ("奖励模型", "Reward\nmodel"), "secondary"),
    model("value_model", ("价值模型", "Value\nmodel"), "loss"),
    value("r1", "$r'$"),
    value("v", "$v$", caption=("价值", "Value")),
    Node("gae", ("GAE\n算法", "GAE"), stroke="black", width=138, height=102),
    value("A", "$A$"),
    straight=[["q", "policy", "o", "reward", "gae", "A"]],
    same_rank=[["r1", "v"]],
)

grpo = Flow(
    Node("q2", "$q$", fill="data", width=93, height=59, caption=("问题", "Input")),
    model("policy2", ("策略模型", "Policy model"), "model"),
    group("outs", [value("o1", "$o_1$"), value("o2", "$o_2$"), Dots(color="black"), value("oG", "$o_G$")],
          ("输出", "Output")),
    model("ref2", ("参考模型", "Reference\nmodel"), "model-pale"),
    model("reward2", ("奖励模型", "Reward\nmodel"), "secondary", caption=("（或规则）", "(or Rules)")),
    group("rews", [value("r_1", "$r_1$"), value("r_2", "$r_2$"), Dots(color="black"), value("r_G", "$r_G$")],
          ("奖励", "Reward")),
    Node("adv", ("奖励相对\n优势计算", "relative\nadvantage\ncalculation"), stroke="black", width=138),
    group("advs", [value("A1", "$A_1$"), value("A2", "$A_2$"), Dots(color="black"), value("AG", "$A_G$")],
          ("优势", "Advantage")),
    straight=[["q2", "policy2", "outs", "reward2", "rews", "adv", "advs"]],
)

diagram = Diagram(
    id="grpo-vs-ppo",
    chapter=("策略优化架构算法及其衍生", "Policy Optimization & Variants"),
    title=("GRPO & PPO", "GRPO & PPO"),
    body=Column(
        Grid(rows=[[ppo], [Text("ppo_label", same("PPO"), **section)]], col_align=["start"], row_gap=0),
        Rule(),
        Grid(rows=[[Text("grpo_label", same("GRPO"), **section)], [grpo]], col_align=["start"], row_gap=0),
        gap=40,
    ),
    edges=[
        Edge("q", "policy"), Edge("policy", "o"),
        Edge("o", "ref"), Edge("o", "reward"), Edge("o", "value_model"),
        Edge("ref", "r1", label=same("KL"), label_at=0.15), Edge("reward", "r1", label="$r$", label_at=0.15),
        Edge("value_model", "v"), Edge("r1", "gae"), Edge("v", "gae"), Edge("gae", "A"),
        feedback("A.top", "policy.top"), feedback("A.bottom", "value_model.bottom"),
        Edge("q2", "policy2"), Edge("policy2", "outs"),
        Edge("outs", "ref2"), Edge("outs", "reward2"), Edge("reward2", "rews"),
        Edge("rews", "adv"), Edge("adv", "advs"),
        feedback("ref2.top", "policy2.top", label=same("KL")), feedback("advs.top", "policy2.top"),
    ],
)
