"""A page of microblog posts copied as text (a search or an account's timeline on Weibo and the like): each post
under its account's name and a line dating it and naming the client it was sent from, its counts under it.

    星河大学
    V
    3月12日 10:25 来自 微博网页版
    【星河大学团队在Nature发文：…】3月12日，星河大学…
    转发 236 ｜ 评论 58 ｜ 赞 1021

Each post is an item: titled by the headline it opens with in 【】 (how institutions post news there), else by its
account's name; the account's name stays as the post's first line (it says who reports), the counts and the page's
own lines go.
"""

from __future__ import annotations

import re

#: a post's header: when it was sent and from which client (3月12日 10:25 来自 iPhone客户端, 2026-03-12 10:25 来自 …)
_POST_HEADER = re.compile(
    r"^(?:(?:(?:19|20)\d{2}[-年])?\d{1,2}[-月]\d{1,2}日?\s*\d{1,2}:\d{2}|今天\s*\d{1,2}:\d{2}|昨天\s*\d{1,2}:\d{2}"
    r"|\d{1,2}\s*分钟前)\s*来自\s*\S{1,20}(?:\s+已编辑)?$"
)
#: a post's counts (转发 236 ｜ 评论 58 ｜ 赞 1021) and the page's controls (收起, 展开全文, 正在加载中)
_COUNTS = re.compile(
    r"^(?:(?:转发|评论|赞|点赞|收藏)\s*\d*\s*[|｜·]?\s*){2,}$|^(?:收起|展开全文|展开|正在加载中)\S{0,3}$"
)
#: a badge under the account's name (V, 认证): at most this long
_BADGE_CHARS = 2
#: a post's headline in 【】 at the start of its text
_HEADLINE = re.compile(r"^【(?P<head>[^】]{4,80})】")
#: posts it takes to read a page so
_POSTS = 2


def microblog_posts(text: str) -> list[str]:
    """The posts of a copied microblog page, each as ``headline / blank / account / text`` (see the module); empty
    unless the text holds two posts or more."""
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if _POST_HEADER.match(line.strip())]
    if len(headers) < _POSTS:
        return []
    posts: list[str] = []
    for n, at in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(lines)
        body = [line.strip() for line in lines[at + 1 : end] if line.strip() and not _COUNTS.match(line.strip())]
        if n + 1 < len(headers):
            body = body[: len(body) - len(_account_lines(lines, headers[n + 1]))]
        account = " ".join(lines[i].strip() for i in _account_lines(lines, at)[:1])
        if not body:
            continue
        opening = _HEADLINE.match(body[0])
        title = opening["head"] if opening else account
        if not title:
            continue
        posts.append("\n".join([title, "", *([account] if account else []), *body]))
    return posts


def _account_lines(lines: list[str], header: int) -> list[int]:
    """The lines of the account's name (and its badge) above a post's header, nearest last."""
    found: list[int] = []
    i = header - 1
    while i >= 0 and lines[i].strip() and len(found) < 2:
        found.insert(0, i)
        i -= 1
    # (the name is the line above the badge: 星河大学 / V)
    if len(found) == 2 and len(lines[found[1]].strip()) > _BADGE_CHARS:
        found = found[1:]
    return found
