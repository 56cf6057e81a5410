"""RLHF vs DPO: RLHF first fits a reward model to the preference pairs, then
runs RL with four models; DPO learns from the pairs directly, the reference
model loaded only if wanted."""
from llmviz_dsl import Column, Diagram, Edge, Gap, Grid, Icon, Node, Panel, Row, Rule, Text, same, sized

SUPERVISED = dict(label=sized(("（1）监督学习", "（1）Supervised learning"), en=21), label_color="cyan")


def model(id, label, **kw):
    return Node(id, label, fill="secondary", stroke="black", icon="nn", same_size="model",
                width=242, height=118, size=29, **kw)


def pairs(side):
    """The preference pair: prompt, better and poor answer, underlined."""
    def part(label, fill, width):
        return Node(label=label, fill=fill, size=29, width=width, height=80, pad=4)
    return Column(Text(None, sized(("偏好数据对", "Preference data pairs"), en=29), color="muted", size=29),
                  Row(part(sized(same("Prompt"), en=29), "data", 160), part(("优质\n回答", "Better\nanswer"), "model", 110),
                      part(("劣质\n回答", "Poor\nanswer"), "loss", 110), gap=16),
                  Rule(id=f"data_{side}", shadow=False), gap=6)


def panel(id, title, content):
    return Panel(id, content, title=sized(same(title), en=43), title_size=43, same_size="panel", padding=22)


rlhf = panel("rlhf", "RLHF", Column(
    pairs("rlhf"),
    Gap(height=130),
    model("reward", ("奖励模型", "Reward model")),
    Grid(rows=[[model("ref", sized(("参考模型", "Reference model"), en=21)),
                Column(Icon("cycle", size=78, fill="red", stroke="white"),
                       Text(None, sized(("（2）强化学习", "（2）RL"), en=29), color="red", size=29), gap=4),
                model("critic", ("评论模型", "Critic model"))]], col_gap=30),
    Row(Row(Text(None, sized(("采样", "Sampling"), en=21), color="muted", size=29),
            Node(shape="arrow", direction="left", fill="white", stroke="grey", width=34, height=22), gap=6),
        model("policy", ("策略模型", "Policy model")),
        Text(None, ("演员模型", "Actor model"), color="muted", size=29), gap=6),
    gap=40))

dpo = panel("dpo", "DPO", Column(
    pairs("dpo"),
    Gap(height=36),
    Row(Column(Text(None, sized(("（可选加载）", "（Optional loading）"), en=21), color="muted", size=29),
               model("dref", sized(("参考模型", "Reference model"), en=21)), gap=2),
        Gap(width=400), align="start"),
    Gap(height=45),
    model("dpolicy", ("策略模型", "Policy model")),
    gap=60))

diagram = Diagram(
    id="rlhf-vs-dpo",
    chapter=same("DPO"),
    title=("RLHF与DPO的训练架构对比", "RLHF vs DPO"),
    body=Row(rlhf, dpo, gap=22, align="stretch"),
    text_scale={"en": 0.83},
    edges=[
        Edge("data_rlhf", "reward", route="straight", plumb=True, **SUPERVISED),
        # Two parallel lines down into the policy, 22 apart: the left one
        # branches into the reference model and on again out of it.
        Edge("data_dpo.bottom", "dref.right"),
        Edge("dref.right", "dpolicy.top", pitch=22),
        Edge("data_dpo.bottom", "dpolicy.top", merge=False, pitch=22, label_color="cyan",
             label=sized(("（1）监督学习", "（1）Supervised\nlearning"), en=21)),
    ],
)
