"""Top-P sampling: the next-token distribution sorted by probability; the
smallest run of tokens whose probabilities add up past P (the candidate
pool, braced) is kept, the rest is cut off (hatched), and the next token is
sampled from the pool by probability."""
from llmviz_dsl import Bar, BarChart, BarGroup, Column, Diagram, Key, Legend, Look, Node, Text, same

POOL = Look(fill="cream", stroke="grey", color="gold")     # the candidate pool
PICK = Look(fill="model", stroke="grey", color="blue")     # the sampled token
DROP = Look(hatch="grey", stroke="grey")                   # cut off

chart = BarChart(
    bars=[
        Bar(("在", "are"), 0.2, POOL), Bar(("好", "was"), 0.17, PICK), Bar(("有", "is"), 0.14, POOL),
        Bar(("的", "can"), 0.12, POOL), Bar(("今", "do"), 0.1, POOL),
        Bar(("人", "to"), 0.06, DROP), Bar(same("[EOS]"), 0.04, DROP), Bar(("不", "much"), 0.035, DROP, text="..."),
        *Bar.elided([0.03, 0.026, 0.022, 0.018, 0.014, 0.01, 0.007, 0.005], DROP,
                    tokens=[*["..."] * 6, ("...", "#"), ("...", "%")]),
        Bar("...", 0, text="..."),
    ],
    y_title=("概率（$P$）", "Probability\n（$P$）"),
    x_title=("词表", "Vocabulary"),
    cut=5, cut_label=("截断", "Truncation"),
    groups=[BarGroup(0, 5, label=same("$\\sum P=0.73>0.7$（Top-P=0.7）"), label_align="start",
                     color="gold", label_color="gold")],
    note=Node(None, ("在圈选的部分Token中，\n按照概率采样",
                     "Among the selected subset of\ntokens, Sample according to\nprobability"),
              shape="bubble", tail="left", tail_length=340, fill="cream", stroke="black", pad=12),
    legend=Legend(Key(POOL, ("：采样候选池", "：Candidate")),
                  Key(PICK, ("：采样结果", "：Sampling result")),
                  Key(DROP, ("：被剔除Token", "：Tokens ignored")),
                  title=("说明", "")),
)

diagram = Diagram(
    id="top-p-sampling",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("Top-P采样（Top-P Sampling）", "Top-P Sampling"),
    body=Column(Text(None, ("“你”的下一个Token的概率分布", "Probability distribution of the next token for \" How\""),
                     size=34),
                chart, gap=28),
)
