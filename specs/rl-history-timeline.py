"""History of RL: a chevron time band, events alternately above and below."""
from llmviz_dsl import Diagram, Mark, Timeline

diagram = Diagram(
    id="rl-history-timeline",
    chapter=("强化学习基础", "RL basics"),
    title=("强化学习的发展历程", "History of RL"),
    body=Timeline(event_max_width=290, marks=[
        Mark(when=("1950~1960年", "1950~1960"),
             above=("Bellman提出\n动态规划、\n贝尔曼方程", "Dynamic\nprogramming,\nBellman equation"),
             below=("Samuel开发出\n首个近似的强化学\n习程序（自动跳棋）",
                    "The first approximate\nRL program(checkers) ,\ndeveloped by Samuel")),
        Mark(when=("1980~1990年", "1980~1990"),
             above=("Sutton等提出\nTD方法、\n策略梯度定理、\nActor-Critic架构",
                    "TD methods,\nPolicy gradient,\nActor-Critic")),
        Mark(when=("2013年", "2013"), below=("DeepMind提出\nDQN", "DQN,\nproposed by\nDeepMind")),
        Mark(when=("2016年", "2016"),
             above=("DeepMind利用\n基于MCTS等算训\n练的AlphaGo\n击败世界冠军",
                    "AlphaGo trained\nbased on MCTS,\netc. Defeated the\nworld champion")),
        Mark(when=("2017年", "2017"), below=("OpenAI等\n提出PPO、\nRLHF", "PPO, RLHF,\nproposed by\nOpenAI")),
        Mark(when=("2022年11月", "2022.11"),
             above=("OpenAI发布\n利用RLHF进行\n对齐训练的\nChatGPT", "OpenAI released\nChatGPT, trained\nthrough RLHF")),
        Mark(when=("2024年12月", "2024.12"),
             below=("OpenAI发布o1模型，\n深入强化学习训练，\n开启新的\nScaling Law",
                    "OpenAI released the o1\nmodel,\nFurther optimized\nthrough RL")),
    ]),
)
