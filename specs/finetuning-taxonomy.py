"""Fine-tuning techniques: above, which layers of a four-layer model are
trained (blue, unlocked) and which are frozen (grey, locked) in full and in
partial fine-tuning; below, the five kinds of fine-tuning with examples."""
from llmviz_dsl import (Column, Diagram, Edge, Gap, Grid, Icon, MindMap, Node, Panel, Row, Rule, Text,
                        same, sized)

LOCK = dict(size=28, fill="bronze")
BOX = dict(stroke="grey", radius=4, padding=15)


def layer(n, trained):
    """One layer: trained ones are blue with an open lock on the right,
    frozen ones grey with a closed lock on the left."""
    label = Text(None, sized(same(f"Layer {n}"), en=27))
    if trained:
        return Panel(None, Row(Gap(width=28), label, Icon("unlock", **LOCK), gap=30), fill="model",
                     same_size="layer", **BOX)
    return Panel(None, Row(Icon("lock", **LOCK), label, Gap(width=28), gap=30), fill="band", same_size="layer",
                 **BOX)


def split_layer(n):
    """A frozen layer with a small trained part beside it (a local structure)."""
    return Row(Panel(None, Row(Icon("lock", **LOCK), Text(None, sized(same(f"Layer {n}"), en=27)), Gap(width=28), gap=8),
                     fill="band", **BOX),
               Panel(None, Icon("unlock", **LOCK), fill="model", **dict(BOX, padding=12)),
               gap=0, align="stretch")


def stack(trained=(), split=False):
    return Column(*[split_layer(n) if split else layer(n, n in trained) for n in (4, 3, 2, 1)], gap=21)


def caption(label, en=19):
    return Text(None, sized(label, en=en))


layers = Panel(None, Grid(
    rows=[[stack(trained=(1, 2, 3, 4)), Rule(dash="dashdot", shadow=False, color="navy"),
           stack(trained=(4,)), stack(trained=(1,)), stack(split=True)],
          [caption(("全参数微调", "Full parameter fine-tuning"), en=21), None,
           caption(("部分参数微调\n（微调输出层）", "Partial parameter\nfine-tuning\n(output layer)")),
           caption(("部分参数微调\n（微调输入层）", "Partial parameter\nfine-tuning\n(input layer)")),
           caption(("部分参数微调\n（微调局部结构）", "Partial parameter\nfine-tuning\n(some structures)"))]],
    col_gaps=[164, 159, 76, 83], row_gap=28, align="center"), padding=30)

KINDS = [
    ("full", ("►  全参数微调", "►  Full parameter"), ("对预训练模型的所有参数进行微调。",
                                              "Fine-tune all parameters of the pre-trained model.")),
    ("partial", ("►  部分参数微调", "►  Partial parameter"),
     ("仅微调预训练模型的部分参数，例如：LayerNorm Tuning等。",
      "Fine-tune only some parameters of the pre-trained model,\nfor example, LayerNorm tuning, etc.")),
    ("lora", ("►  并联低秩微调", "►  LoRA"), ("LoRA、AdaLoRA、QLoRA、PiSSA、OLoRA、LoHa、DoRA等。",
                                      "LoRA、AdaLoRA、QLoRA、PiSSA、OLoRA、LoHa、DoRA")),
    ("adapter", same("►  Adapter Tuning"), ("在模型的中间层插入瓶颈形状的Adapter模块。",
                                         "Insert adapter modules with bottleneck shapes")),
    ("prompt", ("►  基于Prompt的微调", "►  Prompt-based fine-tuning"),
     ("Prefix-Tuning、 Prompt Tuning、 P-Tuning、P-Tuning v2等。",
      "Prefix-Tuning、 Prompt Tuning、 P-Tuning、P-Tuning v2")),
]


def kind(id, name, text):
    """A kind of fine-tuning (a bulleted blue box) and its examples."""
    return Row(Node(id, name, fill="model", shape="box", align="left", same_size="kind", width=345, height=63),
               Node(f"{id}_text", sized(text, en=27), shape="box", align="left", same_size="text", width=835, height=63),
               gap=76)


kinds = Panel(None, MindMap(Node("root", sized(("微调技术", "Fine-tuning"), en=19), fill="data", shape="box", width=153,
                                 height=71),
                            right=[kind(*k) for k in KINDS], connector="brace", color="black", widths=[1.33],
                            gap=43, stem=28, reach=36, radius=22),
              padding=30)

diagram = Diagram(
    id="finetuning-taxonomy",
    chapter=same("SFT"),
    title=("微调技术分类", "Categories of fine-tuning techniques"),
    body=Column(layers, kinds, gap=26, align="stretch"),
    edges=[Edge(id, f"{id}_text") for id, _, _ in KINDS],
    text_scale={"en": 0.9},
)
