"""LLM training process: two phase chevrons (pre-training, post-training)
over a matrix of rounded boxes, one row per aspect (data, paradigm,
objective) with a grey chevron naming it; no arrows."""
from llmviz_dsl import Diagram, Grid, Node, Span, same, sized

PRE, CHAT, PREF, RL = "loss", "panel", "model", "secondary"


def box(id, label, fill, width, **kw):
    """A cell of the matrix; the post-training columns keep one width each."""
    column = {CHAT: "chat", PREF: "pref", RL: "rl"}.get(fill)
    return Node(id, label, fill=fill, width=width, height=148, same_size=column, **kw)


def items(id, fill, width, zh, en, en_size=None, **kw):
    """A box holding a bulleted list (the English one set at en_size when smaller)."""
    def bullets(lines):       # a tab continues an item under its text
        return "\n".join("•  " + s.replace("\n", "\n\t") for s in lines)
    label = (bullets(zh), bullets(en))
    return box(id, sized(label, en=en_size) if en_size else label, fill, width, align="left", **kw)


def aspect(id, label):
    return Node(id, sized(label, en=24), shape="chevron", fill="band", width=90, height=148, size=32,
                same_size="aspect")


def phase(id, label, fill):
    return Span(Node(id, label, shape="chevron", fill=fill, color="white", bold=True, size=32, height=107,
                     shadow=True), cols=3, align="stretch")


diagram = Diagram(
    id="llm-training-pipeline",
    chapter=("LLM训练", "LLM training"),
    title=("LLM训练流程", "LLM training process"),
    body=Grid(col_gaps=[28, 22, 78, 48, 45], row_gap=66, rows=[
        [phase("pre", ("预训练（Pre-Training）", "Pre-Training"), PRE),
         phase("post", ("后训练（Post-Training）", "Post-Training"), "cyan")],
        [aspect("data", ("数\n据", "**Datasets**")),
         items("web", PRE, 317, ["网页、新闻、百科", "书籍、论文、代码", "合成数据等"],
               ["Webpages, news", "Books, papers, code", "Synthetic data, etc."]),
         box("long", sized(("长文本\n（中期训练）", "Long context\n（Mid-training）"), en=21), PRE, 157),
         items("chat", CHAT, 260, ["日常交流对话", "知识问答", "长文本问答等"],
               ["conversation", "Knowledge Q&A", "Long-text Q&A"], en_size=24),
         box("pref", ("偏好数据集", "Preference\ndatasets"), PREF, 206),
         box("prompt", ("Prompt等", "Prompt"), RL, 219)],
        [aspect("paradigm", ("范\n式", "**Training**")),
         Span(box("ssl", ("自监督训练", "Self-supervised training"), PRE, None), cols=2, align="stretch"),
         box("sft", ("SFT、蒸馏、\n拒绝采样微调", "SFT、distillation、\nRejection sampling\nfine-tuning"), CHAT, 260),
         box("dpo", ("DPO或RLHF", "DPO/RLHF"), PREF, 206),
         box("rl", ("结合GRPO、\nCoT、PRM、\nSelf-Play\n等技术进行训练", "RL\n(GRPO /\nSelf-Play)"), RL, 219)],
        [aspect("goal", ("目\n标", "**Objective**")),
         Span(items("repr", PRE, None, ["文本的向量表示", "语义语法", "基础知识"],
                    ["Vector representations of text", "Semantic syntax", "Basic knowledge"]),
              cols=2, align="stretch"),
         items("abil", CHAT, 260, ["对话能力", "指令跟随能力", "特定能力（例\n如工具调用等）"],
               ["Dialogue ability", "Instruction-following", "Specific abilities (e.g.,\ntool use, etc.)"],
               en_size=19),
         items("values", PREF, 206, ["有用性", "价值观", "安全性"], ["Helpfulness", "Honesty", "Harmlessness"],
               en_size=21),
         box("think", ("深度思考能力", "Deep thinking\nability"), RL, 219)],
    ]),
)
