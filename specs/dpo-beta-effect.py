"""The beta of DPO as a dial: small, the policy drifts toward the
preference data; large, it stays near the reference model."""
from llmviz_dsl import Diagram, Grid, Icon, Lang, Node, Row, Span, Text, same, sized


def circle(id, label, fill, icon, icon_size):
    return Node(id, label, shape="circle", fill=fill, width=336, height=336, size=32, math_size=44,
                icon=icon, icon_size=icon_size, icon_at="bottom", pad=14)


def caption(label, en_size, zh_align):
    """A caption over one end of the axis: its Chinese lines aligned to one
    side (as the original sets them), the English ones centred."""
    return Lang(zh=Text(None, label, size=32, align=zh_align),
                en=Text(None, sized(label, en=en_size), size=32))


def pull(fill, fill_to, direction):
    """Half of the beta axis: a thin block arrow shading from the middle out."""
    return Node(shape="arrow", direction=direction, fill=fill, fill_to=fill_to, gradient="horizontal",
                width=654, height=46)


diagram = Diagram(
    id="dpo-beta-effect",
    chapter=same("DPO"),
    title=("β参数对DPO的影响", "Impact of the β parameter on DPO"),
    body=Grid(
        col_gap=100, row_gap=30,
        rows=[
            [Span(caption(("$\\beta$ 很小，策略模型和\n偏好数据分布更接近",
                           "When β is very small, the\npolicy model are closer to\nthe preference\n"
                           "data distribution"), 27, "right"), cols=2, align="start"),
             Text(None, "$\\beta$", math_size=64),
             Span(caption(("$\\beta$ 很大，策略模型和\n参考模型更接近",
                           "When β is very large,\nthe policy model\nare closer to the\nreference model"), 28, "left"),
                  cols=2, align="end")],
            [Span(Row(pull("model", "secondary", "left"), pull("secondary", "loss", "right"), gap=4), cols=5)],
            [None],
            [circle("data", sized(("偏好数据\n分布\n（$\\mathcal{D}$）", "Preference data\nDistribution\n（$\\mathcal{D}$）"),
                          en=28),
                    "model", "smileys", 84),
             Icon("rotate-ccw", size=120),
             circle("policy", ("策略模型\n（$\\pi_\\theta$）", "Policy model\n（$\\pi_\\theta$）"),
                    "secondary", "nn", 110),
             Icon("rotate-cw", size=120),
             circle("ref", ("参考模型\n（$\\pi_{\\mathrm{ref}}$）", "Reference model\n（$\\pi_{\\mathrm{ref}}$）"),
                    "loss", "nn", 110)],
        ]),
)
