"""Top-K sampling: the next-token distribution sorted by probability; the
K most probable tokens (braced) are the candidate pool, the rest is cut off
(hatched), and the next token is sampled from the pool by probability."""
from llmviz_dsl import BarGroup, Column, Diagram, Node, Text, next_token_chart, same

chart = next_token_chart(
    pick=1, pool=3, values=False,
    y_title=("概率", "Probability\n（$P$）"),
    cut=3, cut_label=("截断", "Truncation"),
    groups=[BarGroup(0, 3, label=same("K=3（Top-K=3）"), label_align="start",
                     color="gold", label_color="gold")],
    note=Node(None, ("在圈选的部分Token中，\n按照概率采样",
                     "Among the selected subset of\ntokens, Sample according to\nprobability"),
              shape="bubble", tail="left", tail_length=330, fill="cream", stroke="black", pad=12),
)

diagram = Diagram(
    id="top-k-sampling",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("Top-K采样（Top-K Sampling）", "Top-K Sampling"),
    body=Column(Text(None, ("“你”的下一个Token的概率分布", "Probability distribution of the next token for \"How\""),
                     size=34),
                chart, gap=28),
)
