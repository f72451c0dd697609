#!/usr/bin/env python3
"""Writes the article page fixtures (issue 18 item 2): article pages in the
shapes news sites' markup takes, written for Morgue's tests, each with the
article's own paragraphs beside it (NAME.expected: an optional first line
`byline: PEOPLE` naming who the page says wrote it, then one paragraph a
line).  The extractor's output is checked against those paragraphs by
tests/unit/page_extract_test.cpp.  Run it to regenerate; the output is
committed.  Texts are invented for the fixtures, except where a page says
it quotes ../shared/seeds (an opinion column's paragraphs)."""
import html, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))

NAV = """<header class="site-header"><a class="logo" href="/">The Daily Example</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>"""
FOOTER = """<footer class="site-footer"><p>© 2025 The Daily Example. All rights reserved. Registered in England and Wales.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy, cookies and how we use your data</a></li><li><a href="/terms">Terms and conditions of use</a></li></ul></footer>"""
RELATED = """<aside class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/r1">Why the harbour authority says the dredging contract was signed without a tender, and what comes next</a></li>
<li><a href="/r2">Five things we learned from the council's long-awaited report on the ferry terminal and its costs</a></li>
<li><a href="/r3">Opinion: the city has waited long enough for a plan that puts residents before cruise operators</a></li></ul></aside>"""
NEWSLETTER = """<div class="newsletter-signup"><p>Sign up for our morning briefing: the day's most important stories, delivered to your inbox before breakfast every weekday.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>"""


def p(paras, cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{html.escape(x, quote=False)}</p>" for x in paras)


def page(title, body, head_extra="", lang="en", charset="utf-8"):
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{head_extra}
<script>window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push(e); }}</script>
<style>body {{ font-family: Georgia, serif; }} .ad {{ min-height: 250px; }}</style></head>
<body>{body}</body></html>
"""


def seed_paragraphs():
    path = os.path.join(HERE, "..", "..", "..", "..", "shared", "seeds", "000_735bdbdee835562e.txt")
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()][:9]


PAGES = []


def add(name, title, paras, body, byline=None, head="", lang="en", charset="utf-8", encoding="utf-8"):
    PAGES.append((name, page(title, body, head, lang, charset), paras, byline, encoding))


# 1. A newspaper opinion page: the columnist's tagline closes the column.
op = [
    "Harbour towns have always lived with the tide, but they have rarely had to live with a tide of visitors that arrives every morning at eight and leaves every evening at six.",
    "The council's plan, published on Tuesday, promises to cap cruise arrivals at two ships a day from next spring. That is a start, but it does not say who will pay for the new landing stage, nor how the cap will be enforced when a ship is late.",
    "Residents have heard promises before. In 2019 the harbour authority pledged a levy on every passenger, to be spent on the old town's streets; five years later, the levy has raised less than a tenth of what was forecast.",
    "What the town needs is not another cap but a plan for the days in between: buses that run when the ships do not, shops that stay open in winter, and rents that a harbour worker can pay.",
    "Until then, the tide will keep coming in, and the town will keep wondering where it went.",
    "Maria Lindqvist is a Daily Example Opinion columnist covering cities and transport. She was previously the paper's Nordic correspondent.",
]
add("01-opinion-column", "The tide of visitors is not the harbour's only problem", op, f"""{NAV}
<main id="main"><article class="opinion-article">
<div class="article-header"><span class="kicker">Opinion</span><h1>The tide of visitors is not the harbour's only problem</h1>
<p class="standfirst-meta"><time datetime="2025-11-04">4 November 2025</time></p></div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this article to a friend</a></div>
<div class="article-body">{p(op[:3])}
<div class="ad ad-slot"><p>Advertisement</p></div>
{p(op[3:])}</div></article>
{RELATED}{NEWSLETTER}</main>{FOOTER}""", byline=None)

# 2. A wire story: dateline, an agency byline, advertisements between paragraphs.
wire = [
    "WASHINGTON (AP) — The Senate on Thursday delayed a vote on the budget for a third time, as negotiators from both parties said they were close to a deal on spending for the coast guard and harbour repairs.",
    "Majority leaders said the vote would be held next week at the earliest. \"We are not there yet, but we are closer than we were on Monday,\" one of the negotiators told reporters outside the chamber.",
    "The delay leaves several agencies operating on temporary funding that expires at the end of the month, and port authorities warned that dredging contracts could be postponed.",
    "Harbour repairs in six states have been waiting for the money since the spring storms, which damaged breakwaters and closed two ferry terminals for weeks.",
    "Associated Press writers John Roe and Ana Silva contributed to this report.",
]
add("02-wire-story", "Senate delays budget vote for a third time", wire, f"""{NAV}
<div class="page-content"><h1 class="headline">Senate delays budget vote for a third time</h1>
<div class="byline-block"><span class="byline">By JANE DOE Associated Press</span> <span class="timestamp">Updated 4:12 PM GMT, November 6, 2025</span></div>
<div class="RichTextStoryBody RichTextBody">{p(wire[:2])}
<div class="ad-container"><div class="advertisement">Advertisement</div></div>
{p(wire[2:4])}
<div class="ad-container"><div class="advertisement">Advertisement</div></div>
{p(wire[4:])}</div>
<div class="related-content"><h2>More from AP News</h2><p><a href="/x">Storm closes ports along the coast as forecasters warn of another week of high winds</a></p></div></div>{FOOTER}""",
    byline="Jane Doe")

# 3. A blog: WordPress markup, a long comment thread, sidebar widgets.
blog = [
    "I have kept bees on the roof of our building for six summers now, and this was the first year the colonies came through the winter without a single loss.",
    "The difference, as far as I can tell, was the windbreak. Last autumn I fixed two old shutters to the railing on the north side, and the hives sat in their lee from November to March.",
    "Beekeepers in the city face problems that country keepers do not: heat that bounces off concrete, neighbours who worry about stings, and forage that changes from one street to the next as gardens come and go.",
    "If you are thinking of starting, talk to your building first, then to your local association. Most of them run a course in the spring, and some lend out equipment for the first season.",
]
comments = "".join(f"""<li class="comment"><div class="comment-author vcard"><b class="fn">Reader {i}</b></div>
<div class="comment-content"><p>{html.escape(t)}</p></div></li>""" for i, t in enumerate([
    "This is such a helpful post, thank you. We have had two hives on a balcony for three years and lost one colony every single winter, so I am going to try the shutters this year and report back in the spring.",
    "Do you find that the neighbours complain? Ours are worried about their children, even though we explained many times that honey bees are not aggressive when they are left alone and have somewhere to forage.",
    "Great read. One thing I would add is to check the weight of the roof and the access for carrying supers up and down, because a full super of honey is much heavier than most people expect, and stairs are hard.",
    "We tried a windbreak of straw bales but the wind simply moved them; the shutters are a brilliant idea, and cheap if you can find old ones at a salvage yard, which is what we will do this weekend.",
]))
add("03-blog-post", "Six summers of rooftop bees", blog, f"""<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/">Rooftop Notes</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-412" class="post-412 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Six summers of rooftop bees</h1>
<div class="entry-meta"><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/sam">Sam Okafor</a></span></span></div></header>
<div class="entry-content">{p(blog)}</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/bees">Bees</a></span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">4 thoughts on "Six summers of rooftop bees"</h2><ol class="comment-list">{comments}</ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent posts</h2><ul><li><a href="/a">Winter feeding: fondant, syrup or nothing at all?</a></li><li><a href="/b">What I got wrong in my first year of keeping bees on a roof in the city</a></li></ul></section></aside>
</div></div>""", byline="Sam Okafor")

# 4. A paywalled teaser: two paragraphs, then the prompt to subscribe.
teaser = [
    "The country's largest shipbuilder will close its oldest yard next year, ending two centuries of shipbuilding in the town and putting some 1,400 jobs at risk, the company said on Wednesday.",
    "Executives blamed rising steel prices and the loss of a naval contract, which went to a rival in the spring, for the decision.",
]
add("04-paywall-teaser", "Shipbuilder to close its oldest yard", teaser, f"""{NAV}
<main><article><h1>Shipbuilder to close its oldest yard</h1><p class="article-byline">By <a rel="author" href="/staff/tom-becker">Tom Becker</a>, Industry Editor</p>
<div class="article-content">{p(teaser)}
<div class="paywall-prompt"><h2>Subscribe to keep reading</h2><p>Get unlimited access to the journalism that matters, on every device, from just £1 a week for the first three months.</p><a href="/subscribe" class="button">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a></p></div>
</div></article></main>{FOOTER}""", byline="Tom Becker")

# 5. A news page with related links and a comment thread longer than the story.
news = [
    "The city's new tram line opened on Saturday, three years late and a third over budget, with crowds queuing for the first free rides from the station to the university.",
    "The line runs for nine kilometres through the old town and the western suburbs, and the operator expects 40,000 passengers a day once the timetable is complete in the spring.",
    "Shopkeepers along the route, who endured years of roadworks, were cautiously hopeful. \"If the people come back, it was worth it,\" said one baker, who had lost half of her trade during the closure.",
    "The mayor said the second line, to the airport, would be built faster, but gave no date for the start of the work.",
]
thread = "".join(f"""<div class="comment"><div class="comment-meta">{u} · 2 hours ago</div><div class="comment-body"><p>{html.escape(t)}</p></div><div class="comment-actions"><a href="#">Reply</a> <a href="#">Report</a></div></div>""" for u, t in [
    ("tramfan", "Three years late and a third over budget, and yet everyone will have forgotten all of that in a year, because it is a genuinely good line and it goes where people actually need to go, unlike the buses."),
    ("oldtowner", "The roadworks nearly killed our street. Two shops closed for good and nobody has compensated them, so forgive me if I do not join the celebrations or queue for a free ride to the university."),
    ("commuter22", "I rode it this morning and it took eleven minutes from the station to the campus, which used to take me forty on the bus in traffic, so for me this is a huge change and very welcome indeed."),
    ("skeptic", "Let us see what the fares are once the free weekend is over, and whether the timetable really reaches every eight minutes at peak times, as the operator has promised us for three years now."),
    ("westside", "The western suburbs finally have a fast link into town. It has taken decades of campaigning by residents, and I hope the people who fought for it are proud of what they have achieved today."),
])
add("05-comments-and-related", "New tram line opens three years late", news, f"""{NAV}
<div class="layout"><main class="story"><h1>New tram line opens three years late</h1>
<div class="meta"><span class="author-name">Lena Fischer</span> <span class="date">Saturday 8 November 2025</span></div>
<figure class="lead-image"><img src="/tram.jpg" alt=""><figcaption>The first tram leaves the station on Saturday morning, watched by a crowd of several hundred people. Photograph: Daily Example</figcaption></figure>
<div class="story-body">{p(news)}</div>
{RELATED}
<section class="comments" id="comments"><h2>Comments (5)</h2>{thread}</section></main>
<aside class="sidebar"><h2>Most read</h2><ol class="most-read"><li><a href="/m1">Council approves the harbour plan after a nine-hour meeting that ended after midnight</a></li></ol></aside></div>{FOOTER}""",
    byline="Lena Fischer")

# 6. A CJK page in Big5 (a Taiwanese paper's editorial page).
big5 = [
    "立法院昨日三讀通過港口管理條例修正案，未來大型郵輪進港將須事先申請停泊時段，並依旅客人數繳納清潔費用。",
    "交通部表示，修正案的目的在於減輕港區周邊交通壓力，清潔費將專款專用於港區環境改善與大眾運輸接駁。",
    "不過，部分業者擔心新制度會影響郵輪公司來台意願，呼籲政府在實施前與業界充分溝通，並給予足夠的緩衝期。",
    "學者指出，鄰近國家早已實施類似制度，關鍵在於收費標準是否合理，以及收入能否真正回饋在地居民。",
]
add("06-big5-editorial", "港口管理條例修正案三讀通過", big5, f"""<div id="header"><div class="logo"><a href="/">範例時報</a></div>
<ul class="nav"><li><a href="/politics">政治</a></li><li><a href="/society">社會</a></li><li><a href="/world">國際</a></li><li><a href="/business">財經</a></li></ul></div>
<div id="container"><div class="archives"><h1>港口管理條例修正案三讀通過</h1>
<div class="writer">記者王小明／台北報導</div>
<div class="text">{p(big5)}</div>
<div class="share"><a href="#">分享到臉書</a><a href="#">分享到LINE</a></div>
<div class="related"><h4>相關新聞</h4><ul><li><a href="/n1">郵輪旅客人數創新高　港區交通壅塞問題浮上檯面</a></li><li><a href="/n2">交通部研議港口清潔費　業者憂衝擊觀光</a></li></ul></div></div></div>
<div id="footer"><p>範例時報版權所有，未經授權不得轉載。</p></div>""", byline="王小明",
    head='<meta name="author" content="王小明">', lang="zh-Hant-TW", charset="big5", encoding="big5")

# 7. JSON-LD author, captions inside the body, a "most viewed" rail.
g = [
    "Ashifa Kassam reports from Stanstead, where the library that straddles the border has become a meeting place for families divided by new travel rules.",
    "The reading room is in Quebec, the front door in Vermont. For a century, visitors from both countries have used the same entrance, and a black line on the floor marks where one country ends.",
    "Since the spring, new rules have required visitors from the American side to show their passports, and librarians say attendance has fallen by half.",
    "\"People used to meet their grandchildren here on a Saturday,\" said one volunteer. \"Now they are not sure whether they will be turned away at the door.\"",
]
ld = '{"@context":"https://schema.org","@type":"NewsArticle","headline":"The library on the border","author":[{"@type":"Person","name":"Ashifa Kassam","url":"https://example.com/profile/ashifa-kassam"}],"datePublished":"2025-11-03T10:00:00Z"}'
add("07-json-ld-and-captions", "The library on the border", g, f"""{NAV}
<div id="maincontent" class="article-body-commercial-selector">
{p(g[:2])}
<figure class="element-image"><img src="/lib.jpg" alt=""><figcaption><span class="caption">The Haskell Free Library and Opera House, where a black line marks the border on the floor of the reading room.</span> Photograph: Daily Example</figcaption></figure>
{p(g[2:])}</div>
<div class="rail"><section class="most-viewed"><h2>Most viewed</h2><ol><li><a href="/v1">Live: the latest news from the climate summit, with reaction from delegates as the talks go into a second week</a></li></ol></section></div>{FOOTER}""",
    byline="Ashifa Kassam", head=f'<script type="application/ld+json">{ld}</script>')

# 8. The article split into several blocks, advertisements in between.
split = [
    "The museum's new wing, which opens to the public on Friday, is the first major building in the city to be heated and cooled entirely by water drawn from the river.",
    "Engineers spent two years designing the system, which pumps water through pipes beneath the galleries and returns it to the river a few degrees warmer or cooler than it was.",
    "The director said the wing would use less than half of the energy of the old building, and that the savings would pay for the system within 15 years.",
    "Critics have praised the galleries, which are lit from above by long skylights, but some have questioned the decision to close the old entrance on the square.",
    "The museum says the old entrance will reopen next year as a café and shop, once the restoration of its stone staircase is finished.",
]
add("08-split-blocks", "A museum heated by the river", split, f"""{NAV}
<main id="site-content"><article id="story"><header><h1>A museum heated by the river</h1><p class="css-byline"><span class="byline-prefix">By</span> <span class="last-byline" itemprop="name">Sofia Marquez</span></p></header>
<section name="articleBody" itemprop="articleBody">
<div class="StoryBodyCompanionColumn"><div class="css-53u6y8">{p(split[:2])}</div></div>
<div class="ad mid1-wrapper"><div id="mid1" class="ad-slot"></div></div>
<div class="StoryBodyCompanionColumn"><div class="css-53u6y8">{p(split[2:4])}</div></div>
<div class="ad mid2-wrapper"><div id="mid2" class="ad-slot"></div></div>
<div class="StoryBodyCompanionColumn"><div class="css-53u6y8">{p(split[4:])}</div></div>
</section></article>
<div class="bottom-of-article"><div class="newsletter-signup"><p>Get the best of the arts in your inbox every week: reviews, news and the openings worth your time, chosen by our critics.</p></div></div></main>{FOOTER}""",
    byline="Sofia Marquez")

# 9. Paragraphs as <div>s, not <p>s (a content system of its own).
divs = [
    "The regional bus company will cut 14 rural routes from January, saying it can no longer run them without a larger subsidy from the county.",
    "Villages in the north of the county will lose their only daily connection to the market town, and parents say their children will have no way to reach the secondary school.",
    "The county council said it was looking at a volunteer-run minibus service, like one that has operated in the neighbouring district for five years.",
    "A public meeting on the cuts will be held in the town hall on Thursday evening.",
]
add("09-div-paragraphs", "Bus company to cut 14 rural routes", divs, f"""<div class="top-bar"><a href="/">County Courier</a> <a href="/login">Log in</a></div>
<div class="wrapper"><div class="left-col"><div class="headline-box"><span class="h">Bus company to cut 14 rural routes</span></div>
<div class="article-text">{''.join(f'<div class="para">{html.escape(x)}</div>' for x in divs)}</div></div>
<div class="right-col sidebar"><div class="box">Weather: rain later, clearing overnight. Highs of 9C with a strong breeze from the west.</div></div></div>""")

# 10. A Japanese page, UTF-8, author in a meta tag.
ja = [
    "気象庁は七日、今年の冬は平年より気温が高くなる見込みだと発表した。日本海側の降雪量も平年並みか少ないと予想している。",
    "一方で、寒気が一時的に南下する時期もあり、短期間に大雪となるおそれがあるとして、最新の気象情報に注意するよう呼びかけている。",
    "スキー場の関係者からは、雪不足を心配する声も上がっている。昨シーズンは営業開始が例年より二週間ほど遅れたという。",
]
add("10-japanese-utf8", "今冬は暖冬の見込み　気象庁", ja, f"""<header class="l-header"><div class="logo">例示新聞</div><nav class="gnav"><a href="/">トップ</a><a href="/national">社会</a><a href="/politics">政治</a><a href="/economy">経済</a></nav></header>
<main class="l-main"><article class="article"><h1 class="article__title">今冬は暖冬の見込み　気象庁</h1>
<div class="article__body">{p(ja)}</div>
<ul class="article__tags"><li><a href="/t/weather">天気</a></li></ul>
<section class="recommend"><h2>おすすめ記事</h2><ul><li><a href="/r">初雪の便り、各地から届く　例年より早い地域も</a></li></ul></section></article></main>""",
    byline="佐藤花子", head='<meta name="author" content="佐藤花子">', lang="ja")

# 11. A German page: "Von" byline, "Anzeige" advertisements.
de = [
    "Die Stadt will den Autoverkehr in der Altstadt bis 2027 halbieren. Der Gemeinderat hat am Dienstagabend einen entsprechenden Plan mit großer Mehrheit beschlossen.",
    "Geplant sind breitere Radwege, mehr Busse am Abend und ein Parkhaus am Stadtrand, von dem aus ein kostenloser Pendelbus in die Innenstadt fahren soll.",
    "Der Einzelhandel reagierte zurückhaltend. Viele Geschäfte fürchten, dass Kunden aus dem Umland künftig lieber in die Einkaufszentren an der Autobahn fahren.",
    "Die Verwaltung will die Folgen für den Handel in zwei Jahren überprüfen und den Plan dann gegebenenfalls anpassen.",
]
add("11-german-news", "Stadt will Autoverkehr halbieren", de, f"""{NAV}
<main><article class="article"><header class="article-header"><h1>Stadt will Autoverkehr halbieren</h1><div class="article-author">Von <a href="/autor/max-mustermann" rel="author">Max Mustermann</a></div></header>
<div class="RichText">{p(de[:2])}<div class="anzeige ad"><span>Anzeige</span></div>{p(de[2:])}</div>
<div class="social-share"><a href="#">Auf Facebook teilen</a><a href="#">Per E-Mail versenden</a></div></article></main>{FOOTER}""",
    byline="Max Mustermann", lang="de")

# 12. An AMP page: amp-* elements, an amp-ad.
amp = [
    "The national football federation has appointed its first woman as head coach of the men's under-21 team, ending a search that lasted almost six months.",
    "She has spent the last eight years in charge of the women's senior side, which she led to two European semi-finals and its first World Cup quarter-final.",
    "Players who have worked with her describe a coach who is meticulous about fitness and calm on the touchline, even when her teams are losing.",
]
add("12-amp-page", "Federation appoints first woman to coach men's under-21s", amp, f"""<header class="amp-header"><amp-img src="/logo.png" width="120" height="30" alt="Sport Example"></amp-img></header>
<amp-sidebar id="sidebar" layout="nodisplay"><nav><a href="/">Home</a><a href="/football">Football</a></nav></amp-sidebar>
<article class="amp-article"><h1>Federation appoints first woman to coach men's under-21s</h1><address class="author">Priya Natarajan</address>
<div class="amp-article-body">{p(amp[:1])}<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/sport"></amp-ad>{p(amp[1:])}</div></article>
<amp-social-share type="twitter"></amp-social-share>""", byline="Priya Natarajan")

# 13. Schema.org microdata: articleBody and author name.
micro = [
    "Farmers in the valley have begun harvesting the first crop of rice grown with a new method that floods the fields for only half of the season, cutting water use by a third.",
    "The method was tested for four years at the agricultural college, where researchers found that yields fell only slightly while methane emissions from the fields dropped sharply.",
    "The regional government will pay farmers who switch a subsidy for the first three years, to cover the cost of new pumps and the risk of a smaller harvest.",
]
add("13-microdata", "Valley farmers try a drier way to grow rice", micro, f"""{NAV}
<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Valley farmers try a drier way to grow rice</h1>
<div class="info">Published <time itemprop="datePublished" datetime="2025-10-30">30 Oct 2025</time> by <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Nguyen Van An</span></span></div>
<div itemprop="articleBody">{p(micro)}</div>
<div class="tags">Tags: <a href="/t/farming">farming</a> <a href="/t/water">water</a></div></div>{FOOTER}""",
    byline="Nguyen Van An")

# 14. A long read: subheads, a pull quote that repeats the text, a drop cap.
longread = [
    "On the morning the last ferry left the island, the harbour master rang the bell by the slipway, as his father and grandfather had done before him, and then locked the gate.",
    "The island had been losing people for decades. The school closed in 1998, the shop in 2011, and when the ferry company said it would end the daily sailing, the last eleven families decided to go too.",
    "Most of them moved to the mainland town across the sound, where they can see the island from their kitchen windows on a clear day.",
    "What remains are the houses, the church and a colony of seabirds that has grown every year since the people began to leave.",
    "Conservationists now want the island declared a reserve. The former islanders are divided: some would welcome it, others fear it would mean they could never go back.",
]
add("14-long-read", "The last ferry from the island", longread, f"""{NAV}
<main><article class="longform"><h1>The last ferry from the island</h1><p class="byline">Words by Eilidh MacLeod</p>
<div class="longform-body"><p><span class="dropcap">O</span>{html.escape(longread[0][1:])}</p>
{p(longread[1:3])}
<h2>What the sea takes</h2>
<aside class="pullquote"><blockquote><p>"The island had been losing people for decades."</p></blockquote></aside>
{p(longread[3:])}</div></article></main>{FOOTER}""", byline="Eilidh MacLeod")

# 15. A government press release: breadcrumb, share links, "last updated";
# its lead paragraph (a standfirst) is the article's too.
gov = [
    "Funding for 23 ports to repair harbour walls after last winter's storms.",
    "The Ministry of Transport has today announced £40 million for repairs to harbour walls damaged in last winter's storms, to be shared between 23 ports.",
    "The money will be available from April, and harbour authorities will be able to bid for grants of up to £4 million each for work that starts within the year.",
    "The Transport Minister said: \"Our ports are the lifeline of coastal communities. This funding will make sure they are ready for the storms to come.\"",
]
add("15-press-release", "£40 million for storm-damaged harbours", gov, f"""<div class="govuk-header" role="banner"><a href="/">GOV.EXAMPLE</a></div>
<div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/transport">Transport</a></li></ol></div>
<main class="govuk-main-wrapper" id="main-content" role="main"><h1 class="gem-c-title">£40 million for storm-damaged harbours</h1>
<p class="gem-c-lead-paragraph">{html.escape(gov[0])}</p>
<div class="gem-c-share-links"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<div class="govspeak">{p(gov[1:])}</div>
<div class="gem-c-published-dates"><p>Published 5 November 2025. Last updated 6 November 2025 — see all updates to this page.</p></div></main>
<footer class="govuk-footer" role="contentinfo"><p>All content is available under the Open Government Licence, except where otherwise stated.</p></footer>""")

# 16. The seed opinion column's own paragraphs (../shared/seeds), in an opinion page.
seed = seed_paragraphs()
add("16-seed-opinion", "Japan's animators deserve better", seed, f"""{NAV}
<div class="layout"><article class="story-body"><h1>Japan's animators deserve better</h1>
<div class="article-meta"><a class="author-link" href="/authors/editorial">Editorial</a></div>
<section class="article-text">{p(seed[:4])}<div class="inline-promo"><p>Read more: <a href="/x">How the anime industry's pay compares with video games and film, in five charts</a></p></div>{p(seed[4:])}</section></article>
{RELATED}</div>{FOOTER}""")


def main():
    for name, text, paras, byline, encoding in PAGES:
        with open(os.path.join(HERE, name + ".html"), "wb") as f:
            f.write(text.encode(encoding))
        with open(os.path.join(HERE, name + ".expected"), "w", encoding="utf-8") as f:
            if byline:
                f.write(f"byline: {byline}\n")
            for x in paras:
                f.write(x + "\n")
    print(f"{len(PAGES)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
