"""Multinomial sampling: the next-token distribution sorted by probability;
the whole vocabulary is the candidate pool and the next token is sampled
from it by probability (here a less likely one)."""
from llmviz_dsl import Column, Diagram, Node, Text, next_token_chart

chart = next_token_chart(
    pick=4,
    note=Node(None, ("在全词表下，\n按照概率采样", "Sample according\nto probability"),
              shape="bubble", tail="bottom-left", tail_length=150, fill="cream", stroke="black", pad=12),
)

diagram = Diagram(
    id="multinomial-sampling",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("多项式采样（Multinomial Sampling）", "Multinomial Sampling"),
    body=Column(Text(None, ("“你”的下一个Token的概率分布", "Probability distribution of the next token for “How\""),
                     size=34),
                chart, gap=28),
)
