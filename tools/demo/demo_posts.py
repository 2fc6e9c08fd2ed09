"""The words of the demo network: five fictional schools and their class-blog posts.

Read by ``make_demo.py``. Everything is invented: the schools, the teachers (named
as teachers sign class blogs, "Mrs Patel"), and the pupils, who appear only by an
initial ("A.") or their class, as a real school's blog policy would require.

Post bodies are WordPress-style HTML with three markers that ``make_demo.py``
replaces: ``[[fig0]]`` (the post's first picture as a block-editor figure),
``[[file]]`` (the post's attachment as a file block) and ``[[base]]`` (the demo
server's address, for links between partner blogs).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Picture:
    """An illustration in a post; ``draw`` names a function in ``demo_pictures``."""

    file: str  # under wp-content/uploads/, e.g. "2026/06/rainfall.png"
    draw: str
    alt: str
    caption: str = ""
    relative: bool = False  # written as a root-relative src (resolved through xml:base)


@dataclass(frozen=True)
class Attachment:
    """A file linked from a post and listed as its enclosure; ``make`` names a PDF maker."""

    file: str
    make: str
    title: str


@dataclass(frozen=True)
class Comment:
    """A comment left by a partner teacher (comments are shown in the comments feed)."""

    wp_id: int
    author: str
    when: str  # local time of the blog's school, "YYYY-MM-DD HH:MM"
    text: str


@dataclass(frozen=True)
class Post:
    wp_id: int
    slug: str
    title: str
    when: str  # local time of the school, "YYYY-MM-DD HH:MM"
    author: str
    categories: tuple[str, ...]
    body: str
    pictures: tuple[Picture, ...] = ()
    attachment: Attachment | None = None
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class School:
    id: str
    name: str
    tagline: str
    zone: str
    language: str
    guid_host: str  # WordPress keeps the GUIDs of the domain the blog started on
    colour: tuple[int, int, int]
    feed: str  # "rss" or "atom"
    encoding: str = "UTF-8"
    per_page: int = 10  # "Syndication feeds show the most recent N items"
    srcset: bool = False  # the theme asks WordPress for responsive image sizes
    comments_feed: bool = False
    posts: list[Post] = field(default_factory=list)


def _p(*paragraphs: str) -> str:
    """Join HTML blocks the way the block editor writes them: one per line, blank between."""
    return "\n\n".join(paragraphs)


def _ul(*items: str) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def _ol(*items: str) -> str:
    return "<ol>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ol>"


def _quotes(*lines: str) -> str:
    inner = "\n".join(f"<p>{line}</p>" for line in lines)
    return f'<blockquote class="wp-block-quote">\n{inner}\n</blockquote>'


# --------------------------------------------------------------------------- Greenfield

GREENFIELD = School(
    id="greenfield",
    name="Greenfield Primary School",
    tagline="Class blogs from Willow Class (Year 4) and Oak Class (Year 6)",
    zone="Europe/London",
    language="en-GB",
    guid_host="greenfield-primary.example",
    colour=(46, 125, 50),
    feed="rss",
    per_page=6,
    srcset=True,
)

GREENFIELD.posts.extend(
    [
        Post(
            1012,
            "hello-wattle-creek-meet-willow-class",
            "Hello, Wattle Creek! Meet Willow Class",
            "2026-02-05 15:42",
            "Mrs Patel",
            ("Year 4", "Geography", "Partner classes", "risk-taking"),
            _p(
                "<p>This term Willow Class (Year 4) has a new partner class: 3/4N at "
                '<a href="[[base]]/wattle-creek/">Wattle Creek Public School</a> in Sydney, '
                "Australia. We are about as far apart as two schools can be!</p>",
                "[[fig0]]",
                "<p>We started by finding Sydney on the globe. R. spun it round and said "
                "“It’s underneath us!”, which is nearly true. We measured the distance on "
                "our class map with a piece of string and worked out that it is roughly "
                "17,000 km. Driving non-stop at 70 miles an hour would take more than six "
                "days – if there were a road!</p>",
                "<p>Next week we will write our first letters. We want to know:</p>",
                _ul(
                    "What time do you start school?",
                    "Is it really summer there now?",
                    "What is your class reading?",
                ),
                "<p>Being a <strong>risk-taker</strong> this week meant saying hello to people "
                "we have never met. Lots of us felt a bit nervous, and we did it anyway!</p>",
            ),
            (
                Picture(
                    "2026/02/hello-map.jpg",
                    "world_map",
                    "A hand-drawn world map with pins in Yorkshire, Sydney and Perth "
                    "joined by dotted lines",
                    "Our map: from Greenfield to Wattle Creek is about 17,000 km.",
                ),
            ),
        ),
        Post(
            1034,
            "persuasive-letters-to-our-partner-class",
            "Persuasive letters to our partner class",
            "2026-03-12 15:55",
            "Mrs Patel",
            ("Year 4", "English", "Partner classes", "resourceful", "risk-taking"),
            _p(
                "<p>In English we have been learning how to persuade. Our challenge: convince "
                "3/4N in Sydney that Yorkshire is worth a visit – even in the rain.</p>",
                "<p>First we collected persuasive tricks from adverts and leaflets: questions "
                "to the reader (“Have you ever seen a real steam train?”), facts with "
                "numbers, and powerful adjectives. Then we planned in pairs and wrote our "
                "letters in our best handwriting.</p>",
                "[[fig0]]",
                "<p>Some of our favourite lines:</p>",
                _quotes(
                    "“You can walk on the moors and see nothing but sheep for miles. The sheep "
                    "will not mind.” – J.",
                    "“Yorkshire pudding is not a pudding. You will have to come and find out "
                    "what it is.” – A.",
                ),
                "<p>We were <strong>resourceful</strong> and used maps, tourist leaflets and "
                "the atlas to find our facts. The letters went in the post on Monday. It "
                "takes about a week to get there, so we will have to be patient!</p>",
            ),
            (
                Picture(
                    "2026/03/come-to-yorkshire-poster.jpg",
                    "poster_yorkshire",
                    "A class poster titled Come to Yorkshire! listing persuasive phrases",
                    "Our class poster of persuasive phrases.",
                ),
            ),
        ),
        Post(
            1041,
            "which-material-keeps-tea-hottest",
            "Which material keeps tea hottest? A fair test",
            "2026-03-24 16:10",
            "Mr Hughes",
            ("Year 6", "Science", "resilient", "reflective"),
            _p(
                "<p>Oak Class (Year 6) asked a very important question: which wrapping keeps a "
                "cup of tea hot for longest? (Mrs Patel in Willow Class was very interested "
                "in the answer.)</p>",
                "<p>We filled four identical cups with hot water (the adults poured it), "
                "wrapped three of them in different materials and left one bare. Every five "
                "minutes we read the temperature with a digital thermometer.</p>",
                "[[fig0]]",
                "<p>What we found:</p>",
                _ul(
                    "Bubble wrap and wool were the best insulators. After 30 minutes they had "
                    "only dropped just over 20 °C.",
                    "Foil was surprisingly disappointing.",
                    "The bare cup cooled fastest: it lost nearly 40 °C.",
                ),
                "<p>Our first try went wrong: one group forgot the lid on one cup, so it "
                "wasn’t a fair test. We were <strong>resilient</strong>, talked about what "
                "went wrong, and did it all again the next day.</p>",
                "<p><em>Thinking further:</em> K. wondered whether it would be different in "
                "Sydney, where the classroom is warmer. Wattle Creek, would you try it "
                "too?</p>",
            ),
            (
                Picture(
                    "2026/03/tea-cooling-graph.png",
                    "chart_tea",
                    "A line graph of water temperature over 30 minutes for four cup wrappings",
                    "How fast did each cup cool down?",
                ),
            ),
        ),
        Post(
            1058,
            "our-bean-diary-the-first-ten-days",
            "Our bean diary: the first ten days",
            "2026-04-23 15:35",
            "Mrs Patel",
            ("Year 4", "Science", "reflective", "resilient"),
            _p(
                "<p>On the first day of the summer term every Willow Class pupil planted a "
                "broad bean in a clear cup, so that we could watch the roots as well as the "
                "shoots. Here is M.’s diary drawing from this week.</p>",
                "[[fig0]]",
                "<p>Things we noticed:</p>",
                _ul(
                    "The root always grows downwards, even when we turned a cup on its side. "
                    "(We tried!)",
                    "The beans in the cupboard are taller and paler than the ones on the "
                    "windowsill. T. said they are “stretching to look for the light”.",
                    "Two beans did not grow at all. We looked closely and they had gone "
                    "mouldy: too much water.",
                ),
                "<p>We <strong>reflected</strong> on what a plant needs and changed our "
                "watering rota: a small splash every two days, not a flood every day.</p>",
                "<p><strong>Question for Wattle Creek:</strong> it’s autumn for you now. Would "
                "our beans grow outside in Sydney at this time of year?</p>",
            ),
            (
                Picture(
                    "2026/04/bean-diary.jpg",
                    "bean_diary",
                    "Pencil drawings of a broad bean in a cup on days 1, 4, 7 and 10, "
                    "growing a root and then a shoot",
                    "M.’s bean diary.",
                ),
            ),
        ),
        Post(
            1069,
            "time-zone-maths-why-did-our-perth-call-move",
            "Time zone maths: why did our Perth call move?",
            "2026-05-14 15:50",
            "Mr Hughes",
            ("Year 6", "Maths", "Geography", "resourceful"),
            _p(
                "<p>In March, Oak Class had our first video call with Room 15 at "
                '<a href="[[base]]/karri-grove/">Karri Grove Primary School</a> in Perth, at '
                "7:00 am our time. Our next call was at 8:00 am – but Room 15 still called "
                "at 3:00 pm. What changed?</p>",
                "<p>We found out that the UK clocks went forward one hour on Sunday 29 March. "
                "Perth doesn’t have daylight saving, so its clocks never change. In winter "
                "Perth is 8 hours ahead of us; in summer it is only 7 hours ahead.</p>",
                "[[fig0]]",
                "<p>We drew both school days on a number line and looked for the overlap. "
                "There isn’t any! Our day is 8:45 to 3:15 and theirs is 8:35 to 2:55, so by "
                "the time we start our lessons, Room 15 has already finished theirs. Calls "
                "have to be before our day and after theirs.</p>",
                "<p>S. worked out that when our clocks go back on 25 October, a 3:00 pm call "
                "in Perth will be at 7:00 am here again. We voted on whether to come in even "
                "earlier or to ask Room 15 to stay late (4:00 pm in Perth is 8:00 am here). "
                "Room 15 kindly agreed to stay!</p>",
                "<p>Being <strong>resourceful</strong> meant using the world clock on the "
                "laptop, the globe and our number lines together to check our answer.</p>",
            ),
            (
                Picture(
                    "2026/05/perth-clocks.png",
                    "clocks_greenfield",
                    "Two clock faces: 8:00 am at Greenfield and 3:00 pm in Perth",
                    "Summer time: Perth is 7 hours ahead of us.",
                ),
            ),
        ),
        Post(
            1083,
            "our-rainfall-data-vs-sydneys",
            "Our rainfall data vs Sydney’s",
            "2026-06-18 15:40",
            "Mrs Patel",
            ("Year 4", "Maths", "Geography", "Science", "reflective", "resourceful"),
            _p(
                "<p>Since February Willow Class has been emptying our rain gauge every "
                "morning, and 3/4N at Wattle Creek has been doing the same in Sydney. We "
                "shared our monthly totals by email and made a bar chart.</p>",
                "[[fig0]]",
                "<p>Everyone was sure that it rains more in England. It turns out… it "
                "doesn’t, at least not this year! Sydney had more rain than us in every month "
                "we measured. In March Sydney had more than twice as much.</p>",
                "<p>So why does England feel rainier? We had lots of ideas:</p>",
                _ul(
                    "“It rains more often here, but in Sydney it comes all at once.” – L.",
                    "“Their rain is warm, so they don’t mind it.” – F.",
                ),
                "<p>L.’s idea sent us back to our data: we counted the <em>number of days</em> "
                "with rain. We had 68 rainy days; Wattle Creek had 51. So L. was right – we "
                "get drizzle, they get downpours! Being <strong>reflective</strong> means "
                "checking our ideas against the evidence, even when we are sure.</p>",
            ),
            (
                Picture(
                    "2026/06/rainfall-greenfield-sydney.png",
                    "chart_rainfall",
                    "A bar chart of monthly rainfall from February to June: Sydney is higher "
                    "than Greenfield every month",
                    "Rainfall in millimetres, February to June 2026.",
                ),
            ),
        ),
        Post(
            1090,
            "a-question-for-wattle-creek-what-is-winter-like",
            "A question for Wattle Creek: what is winter like for you?",
            "2026-07-09 15:30",
            "Mrs Patel",
            ("Year 4", "Geography", "Partner classes", "reflective"),
            _p(
                "<p>It is July, it is warm (well, warm for Yorkshire: 22 °C today!) and we "
                "have nearly finished Year 4. Meanwhile, our friends in 3/4N are in the "
                "middle of winter.</p>",
                "<p>Willow Class would love to know:</p>",
                _ol(
                    "Does it ever snow at Wattle Creek?",
                    "Do you wear coats and hats at playtime?",
                    "What is the coldest it has been this year?",
                    "Do you have a winter holiday, like our Christmas holiday?",
                ),
                "<p>We wrote our guesses on sticky notes. Most of us think it will be “a bit "
                "like our spring”. E. thinks there might be snow on the mountains. We will "
                "post the answers when they come back!</p>",
            ),
        ),
        Post(
            1117,
            "risk-taking-on-the-climbing-wall",
            "Risk-taking on the climbing wall",
            "2026-09-24 15:45",
            "Mr Hughes",
            ("Year 6", "PE", "risk-taking", "resilient"),
            _p(
                "<p>The new Oak Class spent this week’s PE lessons on the climbing wall at "
                "the leisure centre. For many of us it was the first time.</p>",
                "<p>We talked beforehand about what a good risk is: one where you have thought "
                "about what could go wrong and made it safe (harness, helmet, a trained "
                "instructor, a partner on the rope), and then you have a go even though it "
                "feels scary.</p>",
                "<p>Some things Oak Class said afterwards:</p>",
                _ul(
                    "“I only got halfway the first time. The second time I got to the bell.” – D.",
                    "“My legs were shaking but my partner kept telling me where the next hold "
                    "was.” – P.",
                    "“I didn’t want to go up at all, but I did two holds and that was my "
                    "goal.” – H.",
                ),
                "<p>H.’s comment is our favourite. Taking a risk doesn’t mean reaching the top: "
                "it means setting your own target and going for it. We’ve added “two holds "
                "higher” to our <strong>risk-taking</strong> display. (No photos this time – "
                "you will have to imagine us halfway up a wall!)</p>",
            ),
        ),
        Post(
            1129,
            "weather-station-week",
            "Weather station week",
            "2026-10-15 15:35",
            "Mrs Patel",
            ("Year 4", "Science", "Geography", "resourceful"),
            _p(
                "<p>The new Willow Class (hello, everyone!) has taken over the school weather "
                "station. Every morning at 9:00 two weather reporters record the temperature, "
                "the rainfall, the wind direction and the cloud cover.</p>",
                "[[fig0]]",
                "<p>We drew our own symbols for the week and voted for the clearest ones. N. "
                "invented a symbol for “sunny but freezing”, which we needed on Tuesday!</p>",
                "<p>We were <strong>resourceful</strong> when the wind vane got stuck: B. and "
                "C. used a ribbon tied to the fence and a compass to work out where the wind "
                "was coming from.</p>",
                "<p>Our partner classes in Australia are heading into summer now. Karri Grove, "
                "Wattle Creek: what was your temperature this morning?</p>",
            ),
            (
                Picture(
                    "2026/10/weather-station-week.jpg",
                    "weather_week",
                    "A hand-drawn weather chart for Monday to Friday with symbols, "
                    "temperatures and wind arrows",
                    "Our weather week, 5–9 October.",
                ),
            ),
        ),
        Post(
            1146,
            "reflective-friday-what-helps-us-learn",
            "Reflective Friday: what helps us learn?",
            "2026-11-20 15:50",
            "Mrs Patel",
            ("Year 4", "PSHE", "reflective", "resilient", "resourceful", "risk-taking"),
            _p(
                "<p>Every Friday afternoon Willow Class stops and thinks about the week. This "
                "half term we have been looking at the four learning powers of the Kaizen "
                "Network.</p>",
                "[[fig0]]",
                "<p>We made this poster so that we remember them. Each group chose one power "
                "and wrote what it looks like in our classroom:</p>",
                _ul(
                    "<strong>Resilient</strong> – “Keep going when it’s hard. Mistakes help "
                    "your brain grow.”",
                    "<strong>Resourceful</strong> – “If you’re stuck, try the word wall, a "
                    "friend, a dictionary, then the teacher.”",
                    "<strong>Reflective</strong> – “Look back. What worked? What would you "
                    "change?”",
                    "<strong>Risk-taking</strong> – “Have a go, even if you might get it wrong.”",
                ),
                "<p>This week most of us chose <em>resilient</em> as the power we used most, "
                "because of our column addition. Next week we want to practise being "
                "risk-takers in drama.</p>",
                "<p>Which learning power does your class use most, partner schools? Leave us "
                "a comment!</p>",
            ),
            (
                Picture(
                    "2026/11/learning-powers-poster.jpg",
                    "poster_learning_powers",
                    "A class poster of the four learning powers: resilient, resourceful, "
                    "reflective and risk-taking",
                    "Our learning powers poster.",
                ),
            ),
        ),
    ]
)

# --------------------------------------------------------------------------- Millbrook

MILLBROOK = School(
    id="millbrook",
    name="Millbrook Primary School",
    tagline="Learning together in Class 4 and Class 5",
    zone="Europe/London",
    language="en-GB",
    guid_host="millbrook-primary.example",
    colour=(21, 101, 192),
    feed="atom",
)

MILLBROOK.posts.extend(
    [
        Post(
            88,
            "shadow-sticks-how-long-is-a-january-shadow",
            "Shadow sticks: how long is a January shadow?",
            "2026-01-22 15:40",
            "Miss Carter",
            ("Class 4", "Science", "Maths", "resourceful"),
            _p(
                "<p>Class 4 has started our Light topic with a shadow stick investigation. We "
                "stood a metre stick on the playground (exactly 1 m tall – we checked) and "
                "measured its shadow every hour from 9 o’clock until 3 o’clock.</p>",
                "[[fig0]]",
                "<p>The shadow was longest in the morning and the afternoon, and shortest at "
                "about 12 o’clock – but even then it was 3 metres long! G. said “The sun is "
                "so low in winter, it’s like it can’t be bothered to get up.”</p>",
                "<p>We are sending our recording sheet to our partner class at "
                '<a href="[[base]]/stringybark/">Stringybark Primary School</a> in South '
                "Australia. It is summer there, so we predict their shadows will be much "
                "shorter. Anyone who wants to try it at home can use the sheet too:</p>",
                "[[file]]",
                "<p>We were <strong>resourceful</strong> when the tape measure was too short: "
                "we laid metre sticks end to end and added them up.</p>",
            ),
            (
                Picture(
                    "2026/01/shadow-stick-results.png",
                    "chart_shadow_day",
                    "A line graph of shadow length from 9:00 to 15:00, longest in the morning "
                    "and shortest at midday",
                    "The shadow of our metre stick on 21 January.",
                ),
            ),
            Attachment(
                "2026/01/shadow-stick-recording-sheet.pdf",
                "shadow_sheet",
                "Shadow stick recording sheet (PDF)",
            ),
        ),
        Post(
            95,
            "stone-age-to-iron-age-our-washing-line-timeline",
            "Stone Age to Iron Age: our washing-line timeline",
            "2026-02-11 15:20",
            "Mr Doyle",
            ("Class 5", "History", "reflective"),
            _p(
                "<p>Class 5 turned our classroom into a time machine this week. We strung a "
                "washing line across the room and pegged on cards for the Stone Age, the "
                "Bronze Age and the Iron Age in Britain.</p>",
                "[[fig0]]",
                "<p>The hardest part was the scale. If 1 metre stands for 1,000 years, the "
                "Stone Age needs a washing line more than 800 metres long – much longer than "
                "our classroom. So we made the Stone Age “fold” and marked it with a zigzag, "
                "like on a graph.</p>",
                "<p>W. asked a brilliant question: “Who was living in Australia at the same "
                "time?” We found out that Aboriginal people have lived in Australia for at "
                "least 65,000 years – all the way along our line. We’d love to hear what "
                "Stringybark knows about the history of the land your school is on.</p>",
                "<p>Being <strong>reflective</strong> means seeing things from different "
                "perspectives. Our timeline now has a second washing line under it, for "
                "Australia.</p>",
            ),
            (
                Picture(
                    "2026/02/washing-line-timeline.png",
                    "timeline",
                    "A timeline of the Stone Age, Bronze Age and Iron Age in Britain, with a "
                    "second line for Australia",
                    "Our two timelines.",
                ),
            ),
        ),
        Post(
            101,
            "world-book-day-our-favourite-first-lines",
            "World Book Day: our favourite first lines",
            "2026-03-05 15:30",
            "Miss Carter",
            ("Class 4", "English", "reflective", "risk-taking"),
            _p(
                "<p>Happy World Book Day! Class 4 came dressed as all sorts of characters, "
                "but our real job today was collecting first lines.</p>",
                "<p>We looked at how good authors hook you in with the very first sentence. "
                "Then everyone wrote the first line of a story they haven’t written yet. Here "
                "are some that made us gasp:</p>",
                _quotes(
                    "“The day the river ran backwards, nobody noticed except Gran.” – E.",
                    "“I had been a cat for exactly eleven minutes when the doorbell rang.” – S.",
                    "“There were four of us in the lift, and only three of us got out.” – O.",
                ),
                "<p>Reading your writing aloud to the class is a real <strong>risk</strong>. "
                "Everybody did it, and everybody clapped. Stringybark, does your school have "
                "a book week too? What do you dress up as?</p>",
            ),
        ),
        Post(
            113,
            "coding-a-quiz-for-stringybark",
            "Coding a quiz for Stringybark",
            "2026-05-07 15:45",
            "Mr Doyle",
            ("Class 5", "Computing", "resourceful", "resilient"),
            _p(
                "<p>In Computing, Class 5 has been making quizzes in Scratch for our partner "
                "class in the Adelaide Hills. Each quiz asks five questions about life in "
                "Millbrook and keeps the score in a variable.</p>",
                "[[fig0]]",
                "<p>The hardest bug: the score kept going up even when the answer was wrong. "
                "A. and Z. spent a whole lesson on it and found that the “change score by 1” "
                "block was outside the “if” block. They fixed it by dragging one block! That "
                "is what being <strong>resilient</strong> looks like in coding.</p>",
                "<p>We also learned to make the quiz accept “yes”, “Yes” and “YES”. Being "
                "<strong>resourceful</strong>, R. found out how from the help pages.</p>",
                "<p>Stringybark, our quiz is on its way by email. Try to beat 4 out of 5!</p>",
            ),
            (
                Picture(
                    "2026/05/quiz-code.png",
                    "code_blocks",
                    "Coloured code blocks: when the flag is clicked, set score to 0, ask a "
                    "question, if the answer is right change score by 1",
                    "Part of R.’s quiz code.",
                ),
            ),
        ),
        Post(
            127,
            "bug-hotel-who-checked-in",
            "Bug hotel: who checked in?",
            "2026-06-25 15:35",
            "Miss Carter",
            ("Class 4", "Science", "resourceful", "reflective"),
            _p(
                "<p>In May, Class 4 built a bug hotel in the wildlife garden from pallets, "
                "bricks, pine cones, hollow stems and old roof tiles. Everything was recycled "
                "or found on the school field.</p>",
                "[[fig0]]",
                "<p>This week we carefully lifted the roof and counted the guests (and put "
                "everything back exactly as it was). We found woodlice (lots!), spiders, two "
                "earwigs, a centipede, ladybirds and a solitary bee in one of the bamboo "
                "tubes.</p>",
                "<p>Our tally showed that woodlice love the damp bottom floor, while the "
                "ladybirds prefer the dry top floor. V. said “It’s like the woodlice have the "
                "basement flat and the ladybirds have the penthouse.”</p>",
                "<p>We were <strong>resourceful</strong> with our materials and "
                "<strong>reflective</strong> about why different creatures chose different "
                "floors. What minibeasts would check in to a bug hotel in the Adelaide "
                "Hills?</p>",
            ),
            (
                Picture(
                    "2026/06/bug-hotel.jpg",
                    "bug_hotel",
                    "A drawing of a three-floor bug hotel with a tally of the minibeasts "
                    "found on each floor",
                    "Who lives on which floor?",
                    relative=True,
                ),
            ),
        ),
        Post(
            139,
            "shadow-sticks-again-the-equinox-challenge",
            "Shadow sticks again: the equinox challenge",
            "2026-10-01 15:40",
            "Mr Doyle",
            ("Class 5", "Science", "Maths", "Partner classes", "reflective"),
            _p(
                "<p>Last January, when we were in Class 4, we measured the shadow of a metre "
                "stick every hour. Our partner class at Stringybark did the same in their "
                "summer, and their shortest shadow was only 51 cm – ours was 300 cm!</p>",
                "<p>So this term we set a new challenge: both schools would measure the "
                "shortest shadow of the day on the same day, 22 September, the equinox. On "
                "the equinox the sun is straight above the equator, so the only difference "
                "should be how far each school is from the equator.</p>",
                "[[fig0]]",
                "<p>Our shortest shadow was 124 cm. Stringybark’s was 72 cm. Millbrook is "
                "about 51° north of the equator and Stringybark about 35° south, so their sun "
                "is higher and their shadow shorter – just as we predicted. In January and "
                "February the difference was much bigger, because it was winter for us and "
                "summer for them.</p>",
                "<p>Y. wants to know what would happen at a school right on the equator. "
                "Being <strong>reflective</strong> means one answer always leads to a new "
                "question!</p>",
            ),
            (
                Picture(
                    "2026/10/shadows-millbrook-stringybark.png",
                    "chart_shadow_compare",
                    "A bar chart comparing the shortest shadows at Millbrook and Stringybark "
                    "in January/February and at the September equinox",
                    "Shortest shadow of a 1 m stick, in centimetres.",
                ),
            ),
        ),
        Post(
            152,
            "poppies-and-rosemary-how-do-you-remember",
            "Poppies and rosemary: how do you remember?",
            "2026-11-12 15:30",
            "Miss Carter",
            ("Class 4", "Art", "History", "reflective"),
            _p(
                "<p>On Remembrance Day our whole school stood for two minutes of silence at "
                "11 o’clock. Class 4 had spent the week making poppies from paper, felt and "
                "paint for our display in the hall.</p>",
                "[[fig0]]",
                "<p>We learned that people in Australia wear poppies on Remembrance Day too, "
                "and that they have another special day, ANZAC Day, on 25 April. M. asked "
                "why some Australians wear a sprig of rosemary on ANZAC Day. We didn’t "
                "know!</p>",
                "<p><strong>Question for Stringybark:</strong> what does your school do on "
                "ANZAC Day and on Remembrance Day? Could you send us a picture of your "
                "display?</p>",
                "<p>Finding out how different people remember helped us to be "
                "<strong>reflective</strong> and to see other perspectives.</p>",
            ),
            (
                Picture(
                    "2026/11/poppy-display.jpg",
                    "poppies",
                    "Painted paper poppies in rows on a display board",
                    "Our poppy display in the hall.",
                ),
            ),
        ),
    ]
)

# --------------------------------------------------------------------------- Wattle Creek

WATTLE_CREEK = School(
    id="wattle-creek",
    name="Wattle Creek Public School",
    tagline="News from 3/4N and 5/6R",
    zone="Australia/Sydney",
    language="en-AU",
    guid_host="wattlecreek-p.example",
    colour=(239, 160, 0),
    feed="rss",
)

WATTLE_CREEK.posts.extend(
    [
        Post(
            214,
            "gday-greenfield-meet-3-4n",
            "G’day Greenfield! Meet 3/4N",
            "2026-02-19 15:25",
            "Ms Nguyen",
            ("3/4N", "Geography", "Partner classes", "risk-taking"),
            _p(
                "<p>3/4N has a brand-new partner class for 2026: Willow Class at "
                '<a href="[[base]]/greenfield/">Greenfield Primary School</a> in England. We '
                "read their blog post and had to reply straight away!</p>",
                "<p>To help Willow Class picture our school, we drew a map of Wattle Creek "
                "Public School. We had to agree on a key, and it took three goes to get the "
                "COLA (our covered outdoor learning area) in the right place.</p>",
                "[[fig0]]",
                "<p>Some things about us:</p>",
                _ul(
                    "We start at 9:00 and finish at 3:10.",
                    "We have recess at 11:00 and lunch at 1:00, and we eat outside under the "
                    "trees.",
                    "It was 33 °C on Monday, so it was a “hats on, play in the shade” day.",
                ),
                "<p>It felt a bit scary writing to people on the other side of the world, but "
                "we had a go – that’s what <strong>risk-taking</strong> is about. Hello, "
                "Willow Class!</p>",
            ),
            (
                Picture(
                    "2026/02/our-school-map.jpg",
                    "map_wattle_creek",
                    "A hand-drawn map of Wattle Creek Public School with classrooms, the COLA, "
                    "the oval, the canteen and the veggie garden",
                    "Our school map, drawn by 3/4N.",
                ),
            ),
        ),
        Post(
            226,
            "the-letters-from-willow-class-have-arrived",
            "The letters from Willow Class have arrived!",
            "2026-03-26 15:40",
            "Ms Nguyen",
            ("3/4N", "English", "Partner classes", "resourceful", "reflective"),
            _p(
                "<p>Exciting post today: a big envelope from Greenfield Primary School in "
                "Yorkshire, full of persuasive letters from Willow Class!</p>",
                "<p>We read them in pairs and used highlighters to find the persuasive "
                "devices: questions in yellow, facts and numbers in green, powerful "
                "adjectives in pink. J.’s letter had the most pink. We now really want to try "
                "a Yorkshire pudding (we found out it goes with a roast dinner, which is "
                "confusing).</p>",
                "<p>Then we wrote back. Our challenge was to persuade Willow Class to visit "
                "Sydney in our summer holidays – which are in their winter. T. wrote: “You "
                "can swim at the beach on Christmas Day. You can also get sunburnt, so bring "
                "a hat.”</p>",
                "<p>We were <strong>resourceful</strong> and used the weather bureau’s website "
                "to check our temperature facts. Our letters go in the post tomorrow!</p>",
            ),
        ),
        Post(
            241,
            "our-water-cycle-booklet",
            "Our water cycle booklet",
            "2026-05-21 15:30",
            "Ms Nguyen",
            ("3/4N", "Science", "resourceful", "reflective"),
            _p(
                "<p>3/4N has been learning about the water cycle, which fits nicely with our "
                "rain gauge project with Greenfield. Everyone made a page for a class "
                "booklet, and we put the best drawings and explanations together.</p>",
                "[[fig0]]",
                "<p>The four big words we learned are <strong>evaporation</strong>, "
                "<strong>condensation</strong>, <strong>precipitation</strong> and "
                "<strong>collection</strong>. P. remembered them with actions: wiggly fingers "
                "going up for evaporation, a cloud hug for condensation, and rain fingers "
                "coming down for precipitation.</p>",
                "<p>We also made a “water cycle in a bag”: a zip-lock bag with a little blue "
                "water, taped to the sunny window. By the afternoon there were drops on the "
                "inside of the bag, running back down. Our own tiny weather!</p>",
                "<p>You can read our whole booklet here. Willow Class, we hope it helps with "
                "your rainfall investigation:</p>",
                "[[file]]",
            ),
            (
                Picture(
                    "2026/05/water-cycle-diagram.png",
                    "water_cycle",
                    "A water cycle diagram: the sun, the sea, clouds over a hill, rain, and "
                    "arrows labelled evaporation, condensation, precipitation and collection",
                    "Our water cycle diagram.",
                ),
            ),
            Attachment(
                "2026/05/our-water-cycle-booklet.pdf",
                "water_cycle_booklet",
                "Our water cycle booklet (PDF, 2 pages)",
            ),
        ),
        Post(
            252,
            "rain-gauge-results-autumn-in-sydney",
            "Rain gauge results: autumn in Sydney",
            "2026-06-11 15:45",
            "Ms Nguyen",
            ("3/4N", "Maths", "Science", "resilient"),
            _p(
                "<p>Every morning since February, two “rain rangers” from 3/4N have read our "
                "rain gauge next to the veggie garden and written the reading in our log "
                "book.</p>",
                "[[fig0]]",
                "<p>Our totals for autumn were: March 130 mm, April 105 mm and May 98 mm. The "
                "wettest day was 17 March, with 41 mm. That’s nearly as much as Greenfield "
                "got in the whole of April!</p>",
                "<p>We had to be <strong>resilient</strong>: on rainy days nobody wanted to go "
                "out to the gauge, and twice it got knocked over at lunchtime. We made a "
                "sign, moved it behind the garden fence, and kept going.</p>",
                "<p>We have sent our numbers to Willow Class so they can make a chart "
                "comparing Sydney with Greenfield. Prediction from D.: “England will win, it "
                "always rains there.” We will see!</p>",
            ),
            (
                Picture(
                    "2026/06/rain-gauge.jpg",
                    "rain_gauge",
                    "A drawing of our rain gauge with the scale in millimetres and a log book page",
                    "Our rain gauge and log book.",
                ),
            ),
        ),
        Post(
            266,
            "maths-investigation-the-biggest-veggie-patch",
            "Maths investigation: the biggest veggie patch from 24 metres of fence",
            "2026-07-30 15:35",
            "Mr Russo",
            ("5/6R", "Maths", "resilient", "risk-taking"),
            _p(
                "<p>5/6R started Term 3 with an investigation: the school wants a new veggie "
                "patch, and there are 24 metres of fencing in the shed. What is the biggest "
                "rectangle we can make?</p>",
                "[[fig0]]",
                "<p>Groups drew rectangles on grid paper and recorded the length, the width "
                "and the area in a table. A 10 × 2 rectangle has an area of only 20 square "
                "metres, but a 6 × 6 square has 36 – the biggest of all!</p>",
                "<p>Then C. took a <strong>risk</strong> and asked: “What if we use the school "
                "wall as one side?” That changed everything. With the wall as one side, 24 "
                "metres of fence can make a 12 × 6 patch: 72 square metres! Some groups got "
                "stuck for a long time, but they were <strong>resilient</strong> and kept "
                "testing until they were sure.</p>",
                "<p>Our recommendation to the principal: use the wall. Oak Class at "
                "Greenfield, can you beat 72 square metres?</p>",
            ),
            (
                Picture(
                    "2026/07/fence-investigation.png",
                    "fence_grid",
                    "Rectangles drawn on grid paper with their areas: 10 by 2 is 20, 8 by 4 "
                    "is 32, 6 by 6 is 36, and 12 by 6 against a wall is 72",
                    "Our rectangles. Each square is 1 square metre.",
                ),
            ),
        ),
        Post(
            279,
            "winter-in-sydney-answering-willow-class",
            "Winter in Sydney: answering Willow Class",
            "2026-08-27 15:30",
            "Ms Nguyen",
            ("3/4N", "Geography", "Partner classes", "reflective"),
            _p(
                "<p>Back in July, Willow Class in England asked us what winter is like for us. "
                "Here are our answers:</p>",
                _ol(
                    "<strong>Does it snow?</strong> Not in Sydney! The Blue Mountains, two "
                    "hours away, get a sprinkle of snow some years. N. has seen it once.",
                    "<strong>Coats and hats?</strong> Jumpers in the morning, and by lunchtime "
                    "we take them off. Our school hats are for the sun, all year.",
                    "<strong>Coldest day?</strong> Our thermometer read 6 °C at 8:30 one "
                    "morning in July – that felt freezing to us!",
                    "<strong>Winter holidays?</strong> We have two weeks off in July between "
                    "Term 2 and Term 3. Our long holiday is in summer, over Christmas.",
                ),
                "<p>We thought about how “cold” means something different depending on where "
                "you live. Being <strong>reflective</strong> means seeing things from "
                "somebody else’s point of view. What is the coldest you have ever been, "
                "Willow Class?</p>",
            ),
        ),
        Post(
            291,
            "science-which-paper-towel-soaks-up-the-most",
            "Science: which paper towel soaks up the most?",
            "2026-10-22 15:40",
            "Mr Russo",
            ("5/6R", "Science", "reflective"),
            _p(
                "<p>5/6R tested five kinds of paper towel for our fair-test unit. Each group "
                "dipped a 10 cm square into 100 mL of water for 10 seconds, let it drip for "
                "30 seconds, and measured how much water was left in the beaker.</p>",
                "[[fig0]]",
                "<p>Towel B was the winner (19 mL), but it is also the most expensive. The "
                "school’s own towel came last (6 mL), which the office was very interested "
                "to hear!</p>",
                "<p>Our discussion afterwards was the best part. Was it really fair? Some "
                "squares were cut a bit wonky, and one group timed 12 seconds instead of 10. "
                "We decided to repeat each test three times and use the average next time. "
                "That is what <strong>reflective</strong> scientists do.</p>",
            ),
            (
                Picture(
                    "2026/10/paper-towel-results.png",
                    "chart_paper_towels",
                    "A bar chart of water soaked up by five paper towels: A 12 mL, B 19 mL, "
                    "C 9 mL, D 15 mL, school towel 6 mL",
                    "Water soaked up by a 10 cm square, in mL.",
                ),
            ),
        ),
        Post(
            305,
            "a-question-for-greenfield-how-does-your-year-end",
            "A question for Greenfield: how does your school year end?",
            "2026-11-26 15:20",
            "Ms Nguyen",
            ("3/4N", "Partner classes", "reflective"),
            _p(
                "<p>Only four weeks of Term 4 left! For us this is the end of the school "
                "year: in February 3/4N will split up into new classes.</p>",
                "<p>We have been thinking about what we will miss, and near the top of the "
                "list is our partnership with Willow Class. So we have a question for "
                "Greenfield:</p>",
                "<p><strong>What do you do at the end of your school year, in July? Do you "
                "have a concert, a picnic or a presentation day?</strong></p>",
                "<p>Ours is Presentation Day, with awards and the Year 6 farewell, then a "
                "class picnic on the oval. Also: Willow Class, you are only a third of the "
                "way through your year. Does that feel strange? Because it feels strange to "
                "us!</p>",
            ),
        ),
    ]
)

# --------------------------------------------------------------------------- Karri Grove

KARRI_GROVE = School(
    id="karri-grove",
    name="Karri Grove Primary School",
    tagline="Room 12 and Room 15 share their learning",
    zone="Australia/Perth",
    language="en-AU",
    guid_host="karrigrove-ps.example",
    colour=(173, 20, 87),
    feed="rss",
    comments_feed=True,
)

KARRI_GROVE.posts.extend(
    [
        Post(
            402,
            "room-12s-learning-goals-for-2026",
            "Room 12’s learning goals for 2026",
            "2026-02-12 15:10",
            "Mrs Walker",
            ("Room 12", "Year 4", "reflective", "resilient"),
            _p(
                "<p>Welcome to the Room 12 blog for 2026! We are a Year 4 class of 27, and "
                "this year we are part of the Kaizen Network, which links us with schools in "
                "England and in other parts of Australia.</p>",
                "<p>In our first week we talked about what good learners do. Then everyone "
                "set one goal for Term 1 and wrote it on a paper leaf for our goals tree. "
                "Here are a few:</p>",
                _ul(
                    "“I will learn my 7 times tables, even the hard ones like 7 × 8.” – K.",
                    "“I will put my hand up once every day, even if I’m not sure.” – L.",
                    "“I will write a story that is longer than one page.” – A.",
                ),
                "<p>When a goal is reached, its leaf is coloured gold. We will show you the "
                "tree at the end of the year. Being <strong>resilient</strong> means not "
                "giving up on your goal when it gets tricky.</p>",
            ),
        ),
        Post(
            417,
            "our-first-video-call-with-greenfield",
            "Our first video call with Greenfield!",
            "2026-03-25 15:20",
            "Mr Kelly",
            ("Room 15", "Year 6", "Geography", "Partner classes", "risk-taking"),
            _p(
                "<p>Today Room 15 had our very first video call with Oak Class at Greenfield "
                "Primary School in England. We called at 3:00 pm, right after lessons – "
                "which was 7:00 am for them! Mr Hughes said Oak Class had come in early to "
                "breakfast club specially.</p>",
                "[[fig0]]",
                "<p>We took turns to ask questions. Oak Class wanted to know if we have "
                "kangaroos at school (no, but a bobtail lizard visits the oval sometimes). We "
                "asked what they had for breakfast: toast, cereal and crumpets, which we have "
                "too!</p>",
                "<p>The best bit was when they held a thermometer up to the camera: 4 °C in "
                "Yorkshire. We were 31 °C.</p>",
                "<p>J. said afterwards: “I was nervous to speak, but then I asked a question "
                "and they laughed at my joke.” That is <strong>risk-taking</strong>! Our next "
                "call will be at 3:00 pm again, but it will be 8:00 am in England, because "
                "their clocks change this weekend.</p>",
            ),
            (
                Picture(
                    "2026/03/call-times.png",
                    "clocks_karri_grove",
                    "Two clock faces: 3:00 pm in Perth and 7:00 am in England",
                    "Our call time and theirs.",
                ),
            ),
            comments=(
                Comment(
                    7,
                    "Mrs Patel",
                    "2026-03-26 16:05",
                    "Oak Class came and told Willow Class all about your bobtail lizard! "
                    "Could Willow Class join one of your calls too?",
                ),
                Comment(
                    8,
                    "Mr Hughes",
                    "2026-03-26 16:20",
                    "Thank you, Room 15! Oak Class were buzzing all day. See you at 8:00 our "
                    "time after the clocks change.",
                ),
            ),
        ),
        Post(
            430,
            "nature-walk-banksia-sketches",
            "Nature walk: banksia sketches",
            "2026-05-06 15:15",
            "Mrs Walker",
            ("Room 12", "Year 4", "Art", "Science", "reflective"),
            _p(
                "<p>Room 12 walked to the bushland reserve next to school with sketchbooks and "
                "magnifying glasses. Our job: draw what we see, not what we think a plant "
                "looks like.</p>",
                "[[fig0]]",
                "<p>We found three kinds of banksia. The flower spikes are made of hundreds of "
                "tiny flowers, and the old ones turn into hard, woody cones with “mouths” "
                "that open after a fire to let the seeds out. E. thought they looked like "
                "grumpy faces, and now we can’t unsee it.</p>",
                "<p>Back in class we compared our first sketches with our second ones. Nearly "
                "everyone’s second drawing was more detailed, because we slowed down and "
                "looked harder. That’s what being <strong>reflective</strong> looks like in "
                "art.</p>",
                "<p>Greenfield, Millbrook: what wild plants grow near your schools? Do any of "
                "them need fire to grow?</p>",
            ),
            (
                Picture(
                    "2026/05/banksia-sketches.jpg",
                    "banksia",
                    "Pencil and crayon sketches of a banksia flower spike, a woody banksia "
                    "cone and serrated leaves",
                    "Our banksia sketches.",
                ),
            ),
        ),
        Post(
            444,
            "maths-how-much-water-does-our-tank-hold",
            "Maths: how much water does our tank hold?",
            "2026-06-17 15:20",
            "Mrs Walker",
            ("Room 12", "Year 4", "Maths", "Science", "resourceful"),
            _p(
                "<p>Our school has a big rainwater tank next to the garden. Room 12 wanted to "
                "know how much water it holds, because we use it for the veggie patch all "
                "through summer.</p>",
                "[[fig0]]",
                "<p>We couldn’t climb in, so we had to be <strong>resourceful</strong>. We "
                "measured around the outside with a trundle wheel: 6.3 metres. T. remembered "
                "that the distance across a circle is about a third of the distance around "
                "it, so it is about 2 metres across. The tank is 2 metres tall.</p>",
                "<p>We pretended the tank was made of 1-metre cubes. About 3 cubes fit in each "
                "layer (we drew it on grid paper and counted whole and half squares), and "
                "there are 2 layers. Each cube holds 1,000 litres, so the tank holds about "
                "6,000 litres.</p>",
                "<p>Then we found the label on the back of the tank: 6,300 litres! We were "
                "really close. Our next question: how many days of watering is that?</p>",
            ),
            (
                Picture(
                    "2026/06/water-tank-maths.png",
                    "water_tank",
                    "A diagram of a round water tank 2 m tall and 2 m across, with a grid "
                    "showing about 3 squares in each layer",
                    "Our tank diagram.",
                ),
            ),
        ),
        Post(
            459,
            "science-week-earthquake-proof-towers",
            "Science Week: earthquake-proof towers",
            "2026-08-13 15:25",
            "Mr Kelly",
            ("Room 15", "Year 6", "Science", "resilient", "risk-taking"),
            _p(
                "<p>For National Science Week, Room 15 became engineers. The challenge: build "
                "the tallest tower you can from 30 straws, 1 metre of tape and 10 paper "
                "clips, and keep it standing on our “earthquake table” (a tray on four "
                "tennis balls) for 10 seconds of shaking.</p>",
                "[[fig0]]",
                "<p>Team Quokka built the tallest tower (92 cm), but it fell over in two "
                "seconds. Team Numbat’s was only 58 cm, but it survived the full shake – "
                "they used triangles and a wide base. Tallest isn’t always best!</p>",
                "<p>Every team had at least one collapse. The rule was: when it falls, find "
                "out why, fix one thing, try again. Team Bilby rebuilt four times. That’s "
                "<strong>resilience</strong>.</p>",
                "<p>Greenfield and Millbrook, do you get earthquakes in England? We heard you "
                "sometimes do, but they are tiny.</p>",
            ),
            (
                Picture(
                    "2026/08/tower-results.png",
                    "chart_towers",
                    "A bar chart of tower heights for five teams, marking which towers "
                    "survived 10 seconds of shaking",
                    "Tower heights: green towers survived the shake.",
                ),
            ),
        ),
        Post(
            471,
            "a-question-for-greenfield-do-you-have-a-school-garden",
            "A question for Greenfield: do you have a school garden?",
            "2026-09-10 15:15",
            "Mrs Walker",
            ("Room 12", "Year 4", "Science", "Partner classes", "resourceful"),
            _p(
                "<p>Room 12 has been busy in the veggie patch. This term we planted snow peas, "
                "broad beans, lettuce and radishes, and we picked our first bunch of spinach "
                "for the school canteen.</p>",
                "<p>We have a question for Willow Class at Greenfield: <strong>do you have a "
                "school garden, and what can you grow in September, when it’s autumn for "
                "you?</strong></p>",
                "<p>We saw your bean diary in April and noticed you grew broad beans too! Ours "
                "are about knee height now and flowering. L. wants to know if English bees "
                "visit broad bean flowers, because ours are covered in them.</p>",
                "<p>We are being <strong>resourceful</strong> by using water from our tank "
                "(6,300 litres, remember?) and compost from the canteen scraps.</p>",
            ),
            comments=(
                Comment(
                    12,
                    "Mrs Patel",
                    "2026-09-16 16:30",
                    "Hello Room 12! We have two raised beds. In autumn we plant garlic and "
                    "onions, which grow slowly all through the winter. English bees love "
                    "broad bean flowers too, especially bumblebees.",
                ),
            ),
        ),
        Post(
            488,
            "kambarang-learning-the-noongar-seasons",
            "Kambarang: learning the Noongar seasons",
            "2026-10-29 15:30",
            "Mr Kelly",
            ("Room 15", "Year 6", "Science", "Geography", "reflective"),
            _p(
                "<p>Perth is on Whadjuk Noongar country. This term our Aboriginal education "
                "officer helped Room 15 learn the six Noongar seasons, which follow what is "
                "happening in nature rather than dates on a calendar.</p>",
                "[[fig0]]",
                "<p>Right now it is <strong>Kambarang</strong>: wildflowers are everywhere, "
                "it is getting warmer, and the reptiles are coming out to sun themselves. "
                "Next comes <strong>Birak</strong>, the hot, dry season of December and "
                "January, when the sea breeze comes in every afternoon.</p>",
                "<p>We made a wheel of the six seasons with drawings of what we see in each "
                "one. Comparing the Noongar seasons with the four seasons we usually talk "
                "about helped us be <strong>reflective</strong> and see our place from a "
                "different point of view. Six seasons fit Perth’s weather much better than "
                "four!</p>",
                "<p>Millbrook and Greenfield, can you tell what season it is in England just "
                "by looking at nature, not the calendar?</p>",
            ),
            (
                Picture(
                    "2026/10/six-seasons-wheel.png",
                    "seasons_wheel",
                    "A wheel divided into the six Noongar seasons: Birak, Bunuru, Djeran, "
                    "Makuru, Djilba and Kambarang, with the months of each",
                    "The six Noongar seasons.",
                ),
            ),
        ),
        Post(
            503,
            "looking-back-on-our-year-with-greenfield",
            "Looking back on our year with Greenfield",
            "2026-11-25 15:10",
            "Mrs Walker",
            ("Room 12", "Year 4", "Partner classes", "reflective", "resilient"),
            _p(
                "<p>With only three weeks of the school year to go, Room 12 sat in a circle "
                "and talked about our year as part of the Kaizen Network.</p>",
                "<p>What we are proudest of:</p>",
                _ul(
                    "Our goals tree: 24 of our 27 leaves turned gold!",
                    "Learning that 3 o’clock here is breakfast time in England.",
                    "Measuring the water tank and being only 300 litres out.",
                ),
                "<p>What we would do differently: “Ask more questions in the video calls, "
                "because there wasn’t enough time to hear all their answers” (S.), and "
                "“Post on the blog more often, not just when something big happens” "
                "(K.).</p>",
                "<p>Thank you to Willow Class and Oak Class for being such great partners. "
                "Room 12 of 2027, it’s over to you!</p>",
            ),
            comments=(
                Comment(
                    19,
                    "Mrs Patel",
                    "2026-11-26 08:10",
                    "What a lovely post. Willow Class has loved reading your blog this year. "
                    "Thank you, Room 12!",
                ),
            ),
        ),
    ]
)

# --------------------------------------------------------------------------- Stringybark

STRINGYBARK = School(
    id="stringybark",
    name="Stringybark Primary School",
    tagline="Room 5 and Room 8 in the Adelaide Hills",
    zone="Australia/Adelaide",
    language="en-AU",
    guid_host="stringybark-ps.example",
    colour=(109, 76, 65),
    feed="rss",
    encoding="ISO-8859-1",
)

_SHADOW_TABLE = (
    '<figure class="wp-block-table"><table>\n'
    "<thead><tr><th>Time</th><th>Our shadow, 26 Feb (cm)</th>"
    "<th>Millbrook’s shadow, 21 Jan (cm)</th></tr></thead>\n<tbody>\n"
    + "\n".join(
        f"<tr><td>{t}</td><td>{ours}</td><td>{theirs}</td></tr>"
        for t, ours, theirs in (
            ("9:00", 226, 930),
            ("10:00", 137, 470),
            ("11:00", 93, 345),
            ("12:00", 65, 300),
            ("1:00", 51, 310),
            ("2:00", 52, 365),
            ("3:00", 67, 545),
        )
    )
    + "\n</tbody>\n</table></figure>"
)

STRINGYBARK.posts.extend(
    [
        Post(
            61,
            "hello-millbrook-welcome-to-stringybark",
            "Hello Millbrook! Welcome to Stringybark",
            "2026-02-18 15:35",
            "Ms O'Brien",
            ("Room 5", "Geography", "Partner classes", "risk-taking"),
            _p(
                "<p>Room 5 is very excited to have a partner class in England: Class 4 at "
                '<a href="[[base]]/millbrook/">Millbrook Primary School</a>. To introduce '
                "ourselves, we drew a map of our school. We are in the Adelaide Hills, "
                "surrounded by stringybark gum trees – that’s where our school’s name comes "
                "from.</p>",
                "[[fig0]]",
                "<p>Things to look for on our map: the nature play area with the big log, the "
                "oval, the kitchen garden, the gate where a koala sat for a whole morning "
                "last year, and our classroom, Room 5.</p>",
                "<p>Some of us were nervous about sharing our work with a school so far away, "
                "but we had a go. We hope you like it! What does Millbrook look like?</p>",
            ),
            (
                Picture(
                    "2026/02/school-grounds-map.jpg",
                    "map_stringybark",
                    "A hand-drawn map of Stringybark Primary School with gum trees, the oval, "
                    "the nature play area and the kitchen garden",
                    "Our school grounds, drawn by Room 5.",
                ),
            ),
        ),
        Post(
            67,
            "shadow-sticks-in-summer-ours-are-tiny",
            "Shadow sticks in summer: ours are tiny!",
            "2026-03-04 15:40",
            "Ms O'Brien",
            ("Room 5", "Science", "Maths", "Partner classes", "resourceful"),
            _p(
                "<p>Class 4 at Millbrook sent us their shadow stick recording sheet, so on "
                "Thursday 26 February Room 5 did the same investigation with a metre stick "
                "on the basketball court. It was 34 °C, so we took turns in the shade!</p>",
                _SHADOW_TABLE,
                "<p>Our longest shadow was at 9:00 and our shortest was at 1:00 – Millbrook’s "
                "shortest was at 12:00. B. worked out why: we are on daylight saving time, so "
                "our clocks are an hour ahead of the sun.</p>",
                "<p>We were <strong>resourceful</strong> and used chalk marks on the court so "
                "we didn’t lose track of where each shadow ended. Over to you, "
                "Millbrook!</p>",
            ),
        ),
        Post(
            74,
            "reading-cafe-our-book-reviews",
            "Reading café: our book reviews",
            "2026-05-13 15:30",
            "Ms O'Brien",
            ("Room 5", "English", "reflective"),
            _p(
                "<p>Every Wednesday afternoon Room 5 turns into the Reading Café. We push the "
                "desks into little tables, put out cushions and the café menu of books, and "
                "read with a partner. (The only thing on the menu you can eat is the fruit "
                "from recess.)</p>",
                "[[fig0]]",
                "<p>This term each of us wrote a review for the café noticeboard, with a star "
                "rating and a “best for” line, like “best for people who like funny animals” "
                "or “best for reading under a blanket”. Then the café committee made this "
                "poster of the top five.</p>",
                "<p>Writing a review made us <strong>reflective</strong>: it’s not enough to "
                "say “I liked it”, you have to say <em>why</em>. Class 4 at Millbrook, what "
                "should we add to our café menu? We’d love an English book "
                "recommendation.</p>",
            ),
            (
                Picture(
                    "2026/05/reading-cafe-poster.jpg",
                    "poster_reading_cafe",
                    "A poster of Room 5’s top five book reviews with star ratings",
                    "The Reading Café top five.",
                ),
            ),
        ),
        Post(
            82,
            "maths-investigation-what-do-we-order-for-lunch",
            "Maths investigation: what do we order for lunch?",
            "2026-06-24 15:35",
            "Mr Tran",
            ("Room 8", "Maths", "resourceful"),
            _p(
                "<p>Room 8 has been learning about data. Our question: what are the most "
                "popular lunch orders at the canteen, and should the canteen change its menu "
                "for Term 3?</p>",
                "[[fig0]]",
                "<p>We collected the lunch orders for a whole week (with the canteen’s "
                "permission) and made a tally. Then we turned it into a pictogram where each "
                "lunch bag stands for 5 orders.</p>",
                "<p>Toasted sandwiches won easily – winter is toastie season! F. pointed out "
                "that we only counted one week in June, and in summer the answer might be "
                "different, so our data can’t tell the whole story.</p>",
                "<p>We were <strong>resourceful</strong> and used the canteen’s own order "
                "records to check our tally. Our recommendation: keep the toasties and add "
                "soup on Fridays in winter. The canteen said they will think about it!</p>",
            ),
            (
                Picture(
                    "2026/06/lunch-order-pictogram.png",
                    "pictogram",
                    "A pictogram of one week of lunch orders: toasties 45, pasta 35, sushi 30, "
                    "pies 20, salad boxes 10",
                    "One week of lunch orders. Each bag stands for 5 orders.",
                ),
            ),
        ),
        Post(
            90,
            "growing-crystals-and-trying-again",
            "Growing crystals (and trying again)",
            "2026-08-19 15:40",
            "Ms O'Brien",
            ("Room 5", "Science", "resilient"),
            _p(
                "<p>Room 5 tried to grow crystals for Science Week. We dissolved as much salt "
                "as we could in warm water, and hung a piece of string into each jar from a "
                "pencil.</p>",
                "<p>After a week… nothing. Just salty string. So we had to be "
                "<strong>resilient</strong> and work out what went wrong. We thought the "
                "water might not have been salty enough, or the classroom too cold at night "
                "(it got down to 8 °C).</p>",
                "<p>Attempt 2: hotter water, salt stirred in until no more would dissolve, and "
                "jars on the warm windowsill. This time we got crystals! They are cubes – "
                "every single one. We drew them with magnifying glasses:</p>",
                "[[fig0]]",
                "<p>P. said: “The first time failing was good, because now we know why it "
                "works.”</p>",
                "<p><strong>PS for Millbrook:</strong> you asked about book week. Ours is next "
                "week! We will dress up as book characters and have a parade, and we will "
                "tell you who came as what.</p>",
            ),
            (
                Picture(
                    "2026/08/salt-crystals.jpg",
                    "crystals",
                    "Drawings of cube-shaped salt crystals on a string, seen through a "
                    "magnifying glass",
                    "Our salt crystals, attempt 2.",
                ),
            ),
        ),
        Post(
            97,
            "a-question-for-millbrook-what-is-bonfire-night",
            "A question for Millbrook: what is Bonfire Night?",
            "2026-10-21 15:30",
            "Mr Tran",
            ("Room 8", "History", "Partner classes", "reflective"),
            _p(
                "<p>Room 8 has been reading about celebrations around the world, and we came "
                "across something we had never heard of: Bonfire Night, on the 5th of "
                "November in England.</p>",
                "<p>We have lots of questions for Millbrook:</p>",
                _ul(
                    "Why do you have bonfires in November?",
                    "Who was Guy Fawkes, and why do people remember him?",
                    "Do people have fireworks at home? (In South Australia you need a "
                    "special permit, so most of us only see them on New Year’s Eve.)",
                ),
                "<p>In the Adelaide Hills the fire danger season starts in December, and then "
                "bonfires are banned! It is strange to think of a celebration with a fire in "
                "it. Learning about other places helps us to be "
                "<strong>reflective</strong>.</p>",
            ),
        ),
        Post(
            104,
            "our-bushfire-ready-poster",
            "Our bushfire-ready poster",
            "2026-11-18 15:30",
            "Ms O'Brien",
            ("Room 5", "Health", "resourceful"),
            _p(
                "<p>Living in the Adelaide Hills means thinking about bushfires every summer. "
                "Room 5 spent this week learning how our school and our families get ready, "
                "and then made a poster for the front office.</p>",
                "[[fig0]]",
                "<p>Our key messages:</p>",
                _ul(
                    "Know your family’s bushfire plan.",
                    "On a Catastrophic fire danger day our school is closed, so know where "
                    "you will go.",
                    "Listen to the local radio and check the emergency warnings.",
                    "Keep gutters clear and grass short.",
                ),
                "<p>We were <strong>resourceful</strong>: we used the fire service’s website "
                "and asked our local CFS volunteers (one of them is H.’s grandad!) to check "
                "that our poster was correct.</p>",
                "<p>Millbrook, do you have to get ready for any kind of weather emergency in "
                "England? Floods, maybe?</p>",
            ),
            (
                Picture(
                    "2026/11/bushfire-ready-poster.jpg",
                    "poster_bushfire",
                    "A poster titled Be bushfire ready! with four key messages and a drawing "
                    "of a gum tree",
                    "Our poster for the front office.",
                ),
            ),
        ),
    ]
)

SCHOOLS: tuple[School, ...] = (GREENFIELD, MILLBROOK, WATTLE_CREEK, KARRI_GROVE, STRINGYBARK)

#: Everyone who signs a post or a comment: teachers only, never pupils.
AUTHORS = frozenset(
    {
        "Mrs Patel",
        "Mr Hughes",
        "Miss Carter",
        "Mr Doyle",
        "Ms Nguyen",
        "Mr Russo",
        "Mrs Walker",
        "Mr Kelly",
        "Ms O'Brien",
        "Mr Tran",
    }
)
