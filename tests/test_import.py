"""`tipbrief import`: saved pages and PDFs in the shapes real sites give, their text and sidecar; bad
files with their exact messages; nothing fetched, nothing half-written; the fact base as by hand."""

from __future__ import annotations

import io
import shutil
import socket
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from tipbrief.build.factbase import build_fact_base
from tipbrief.cli import cli
from tipbrief.facts.factjson import dump_fact_base
from tipbrief.ingest.dates import first_full_date, pdf_date
from tipbrief.ingest.html import parse_html
from tipbrief.ingest.names import article_name, safe_name
from tipbrief.ingest.pdf import parse_pdf
from tipbrief.ingest.sniff import sniff

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PAGES = FIXTURES / "pages"
BY_HAND = FIXTURES / "by-hand"

# Each saved page, the name its article gets, and what its sidecar must say.
PAGE_CASES = {
    # A wire story: cookie banner, site menu, share buttons, photo, tags, related and most-read lists.
    "vna-wire-story.html": (
        "asean-workshop-on-identifying-trafficking-victims-opens-in-hanoi",
        {
            "title": "ASEAN workshop on identifying trafficking victims opens in Hanoi",
            "outlet": "VietnamPlus",
            "published": date(2018, 6, 26),
            "language": "en-GB",
            "url": "https://en.vietnamplus.vn/asean-workshop-on-identifying-trafficking-victims-opens-in-hanoi.vnp",
        },
        ("cookies", "Politics", "Share on Facebook", "Related news", "Lao Cai", "Gold prices", "Photo: VNA"),
    ),
    # A ministry's press release: language bar, menus, sidebar, release number, downloads, address.
    "ministry-press-release.html": (
        "thailand-and-asean-partners-adopt-guidelines-on-victim-protection",
        {
            "title": "Thailand and ASEAN partners adopt guidelines on victim protection",
            "outlet": "Ministry of Social Development and Human Security",
            "published": date(2017, 11, 21),
            "language": "en",
            "url": "https://www.m-society.go.th/en/press/2017/thailand-asean-guidelines-victim-protection",
        },
        ("Procurement", "Hotline", "No. 112/2560", "Posted on", "Downloads", "Krung Kasem", "Visitors"),
    ),
    # An agency story dated only by <meta property="article:published_time">.
    "agency-meta-date.html": (
        "asean-leaders-commit-to-end-trafficking-caused-by-technology-abuse",
        {
            "title": "ASEAN leaders commit to end trafficking caused by technology abuse",
            "outlet": "Asia Pacific Wire",
            "author": "Rina Hartono",
            "published": date(2023, 5, 11),
            "language": "en",
            "url": "https://www.apwire.example/region/asean-leaders-commit-to-end-trafficking-caused-by-technology-abuse",
        },
        ("Advertisement", "Subscribe", "morning briefing", "Trending", "Rice prices", "Careers"),
    ),
    # A blog-style news site dated only by its URL (/2019/07/05/).
    "date-in-url.html": (
        "regional-consultation-on-gender-sensitive-guidelines-held-in-bangkok",
        {
            "title": "Regional consultation on gender-sensitive guidelines held in Bangkok",
            "outlet": "Mekong Herald",
            "published": date(2019, 7, 5),
            "language": "en",
            "url": "https://www.mekongherald.example/2019/07/05/regional-consultation-gender-sensitive-guidelines-bangkok/",
        },
        ("Skip to content", "Posted in", "Previous:", "Great article", "Recent Posts", "WordPress"),
    ),
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["import", *args])


def sidecar(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every test here fails on any attempt to reach the network: an import never fetches."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> Any:
        attempts.append(repr(args))
        raise AssertionError(f"tipbrief import tried to reach the network: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    import htmldate.utils
    import trafilatura.downloads

    monkeypatch.setattr(trafilatura.downloads, "fetch_url", refuse)
    monkeypatch.setattr(trafilatura.downloads, "fetch_response", refuse)
    monkeypatch.setattr(htmldate.utils, "fetch_url", refuse)
    return attempts


# --- saved pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(PAGE_CASES))
def test_a_saved_page_gives_its_article_alone_and_a_sidecar_with_the_right_date(
    page: str, tmp_path: Path, no_network: list[str]
) -> None:
    name, expected, boilerplate = PAGE_CASES[page]
    seeds = tmp_path / "seeds"
    result = run(str(PAGES / page), "--seeds", str(seeds))
    assert result.exit_code == 0, result.output
    assert sorted(snapshot(seeds)) == [f"{name}.meta.yaml", f"{name}.txt"]
    text = (seeds / f"{name}.txt").read_text(encoding="utf-8")
    # The article's body, paragraph for paragraph, as a person would type it.
    assert text == (BY_HAND / f"{name}.txt").read_text(encoding="utf-8")
    for words in boilerplate:
        assert words not in text, words
    assert sidecar(seeds / f"{name}.meta.yaml") == {**expected, "imported_from": page}
    assert no_network == []


def test_the_sidecar_is_commented_plain_yaml_in_a_fixed_order(tmp_path: Path) -> None:
    run(str(PAGES / "agency-meta-date.html"), "--seeds", str(tmp_path))
    written = (
        tmp_path / "asean-leaders-commit-to-end-trafficking-caused-by-technology-abuse.meta.yaml"
    ).read_text()
    assert written == (
        "# Written by `tipbrief import`; edit a value to correct it (the fact base reads this file).\n"
        "title: ASEAN leaders commit to end trafficking caused by technology abuse\n"
        "outlet: Asia Pacific Wire\n"
        "author: Rina Hartono\n"
        "published: 2023-05-11\n"
        "language: en\n"
        "url: https://www.apwire.example/region/asean-leaders-commit-to-end-trafficking-caused-by-technology-abuse\n"
        "imported_from: agency-meta-date.html\n"
    )


def test_links_images_scripts_and_entities_in_a_page_stay_inert(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        '<html lang="en"><head><title>Officials meet on trafficking in Vientiane</title>'
        f'<link rel="stylesheet" href="{secret.as_uri()}"><script src="https://evil.example/x.js"></script>'
        '<meta http-equiv="refresh" content="0; url=https://evil.example/"></head><body><article>'
        "<h1>Officials meet on trafficking in Vientiane</h1>"
        "<p>VIENTIANE – Officials from the ten ASEAN Member States met in Vientiane on Tuesday to review "
        "their work against trafficking in persons &xxe; and agreed on next steps.</p>"
        '<iframe src="https://evil.example/frame"></iframe><img src="https://evil.example/pixel.gif">'
        "<p>They will meet again in Manila next year to report on the cases they have referred to each "
        "other.</p></article></body></html>"
    )
    imported = parse_html(page.encode("utf-8"), "page.html", "page.html")
    assert "TOP-SECRET" not in imported.text
    assert "evil.example" not in imported.text
    assert imported.text.startswith("VIENTIANE – Officials from the ten ASEAN Member States met")


def test_a_page_with_no_article_is_refused(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    result = run(str(FIXTURES / "front-page.html"), "--seeds", str(seeds))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{(FIXTURES / 'front-page.html').as_posix()}:1:1: no article found in the page (only navigation, "
        "links or too little text); save the article's own page, not a front page or a list of links\n"
    )
    assert not seeds.exists()


# --- PDFs ------------------------------------------------------------------------------------------

RELEASE_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><meta name="author" content="Ministry of Foreign Affairs">
<meta name="dcterms.created" content="2018-07-02">
<style>@page {{ size: A4; margin: 2cm;
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages) }} }}
body {{ font-family: serif; font-size: 11pt }} p {{ margin: 0 0 0.8em }}
h1 {{ font-size: 20pt }}</style></head>
<body><p>MINISTRY OF FOREIGN AFFAIRS OF VIET NAM</p><p>PRESS RELEASE</p>
<h1>Viet Nam hosts ASEAN meeting on trafficking in persons</h1><p>Ha Noi, 26 June 2018</p>
{body}</body></html>"""
RELEASE_BODY = (
    "The Ministry of Foreign Affairs hosted the meeting of the Senior Officials Meeting on Transnational "
    "Crime working group on trafficking in persons in Ha Noi on 25 and 26 June. Delegates from all ten "
    "ASEAN Member States reviewed the implementation of the ASEAN Convention against Trafficking in "
    "Persons, Especially Women and Children, and of the Bohol Work Plan.",
    "The meeting agreed to strengthen cooperation between law enforcement agencies and to share "
    "information on recruitment through social media. The next meeting will be held in Brunei "
    "Darussalam in 2019.",
    "For more information, please contact the Press and Information Department.",
)


def weasyprint_pdf(title: str, paragraphs: tuple[str, ...]) -> bytes:
    import weasyprint

    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    pdf = weasyprint.HTML(string=RELEASE_HTML.format(title=title, body=body)).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


@pytest.fixture(scope="module")
def release_pdf() -> bytes:
    return weasyprint_pdf("Viet Nam hosts ASEAN meeting on trafficking in persons", RELEASE_BODY)


def test_a_press_release_pdf_gives_its_paragraphs_title_and_first_page_date(
    release_pdf: bytes, tmp_path: Path
) -> None:
    source = tmp_path / "in" / "MOFA press release 26-6.pdf"
    source.parent.mkdir()
    source.write_bytes(release_pdf)
    seeds = tmp_path / "seeds"
    result = run(str(source), "--seeds", str(seeds))
    assert result.exit_code == 0, result.output
    name = "viet-nam-hosts-asean-meeting-on-trafficking-in-persons"
    # The ministry's letterhead and the title above the body, and the line that dates it, come off.
    assert (seeds / f"{name}.txt").read_text(encoding="utf-8") == "\n\n".join(RELEASE_BODY) + "\n"
    assert sidecar(seeds / f"{name}.meta.yaml") == {
        "title": "Viet Nam hosts ASEAN meeting on trafficking in persons",
        "author": "Ministry of Foreign Affairs",
        # The first page's date, not the file's creation date (2 July).
        "published": date(2018, 6, 26),
        "language": "en",
        "imported_from": "MOFA press release 26-6.pdf",
    }


def test_a_long_pdf_loses_its_page_numbers_and_a_file_name_title(tmp_path: Path) -> None:
    long_body = tuple(f"{i}. " + RELEASE_BODY[0] for i in range(1, 16))
    pdf = weasyprint_pdf("Microsoft Word - PR_2018_final.docx", long_body)
    imported = parse_pdf(pdf, "long.pdf", "long.pdf")
    assert imported.title == "Viet Nam hosts ASEAN meeting on trafficking in persons"
    assert imported.text == "\n\n".join(long_body) + "\n"
    assert "Page 1 of" not in imported.text


def test_a_pdf_without_a_date_on_its_first_page_takes_its_creation_date() -> None:
    import weasyprint

    html = RELEASE_HTML.replace("<p>Ha Noi, 26 June 2018</p>", "")
    pdf = weasyprint.HTML(string=html.format(title="Meeting", body=f"<p>{RELEASE_BODY[1]}</p>")).write_pdf()
    assert parse_pdf(pdf, "x.pdf").published == date(2018, 7, 2)


def rasterised(pdf: bytes) -> bytes:
    """The PDF's first page as a picture in a PDF of its own: what a scanner gives, no text layer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=1).to_pil()
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PDF")
    return out.getvalue()


def test_a_scan_with_no_text_layer_is_refused(release_pdf: bytes, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(rasterised(release_pdf))
    seeds = tmp_path / "seeds"
    result = run(str(scan), "--seeds", str(seeds))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{scan.as_posix()}:1:1: the PDF has no text layer (it is a scan or a picture of text); run it "
        "through OCR first (e.g. ocrmypdf), or import the article's web page instead\n"
    )
    assert not seeds.exists()


def encrypted(pdf: bytes, user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_protected_by_a_password_is_refused(release_pdf: bytes, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted(release_pdf, "secret", "owner"))
    seeds = tmp_path / "seeds"
    result = run(str(locked), "--seeds", str(seeds))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{locked.as_posix()}:1:1: the PDF is protected by a password; open it, save or print an "
        "unprotected copy, and import that\n"
    )
    assert not seeds.exists()


def test_a_pdf_encrypted_only_to_restrict_printing_is_read(release_pdf: bytes) -> None:
    # No user password: any reader opens it, and so does the import.
    imported = parse_pdf(encrypted(release_pdf, "", "owner"), "restricted.pdf")
    assert imported.text == "\n\n".join(RELEASE_BODY) + "\n"


# --- bad files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        (
            "story.html",
            b'{"articles": [{"title": "not a page"}]}',
            "is named .html but is not HTML (no <html>, <head> or <body> at its start); save the page "
            "again from the browser (Save Page As)",
        ),
        (
            "release.pdf",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + bytes(200),
            "is named .pdf but is not a PDF (it does not start with %PDF-); download the PDF again",
        ),
        (
            "notes.docx",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + bytes(200),
            "is neither a web page (HTML) nor a PDF; import pages saved from the browser, or PDFs",
        ),
        ("empty.html", b"  \n", "the file is empty; save the page or download the PDF again"),
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
            "the PDF is damaged or incomplete; download it again or re-save it as PDF",
        ),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused(
    file_name: str, content: bytes, message: str, tmp_path: Path
) -> None:
    bad = tmp_path / file_name
    bad.write_bytes(content)
    seeds = tmp_path / "seeds"
    result = run(str(bad), "--seeds", str(seeds))
    assert (result.exit_code, result.stderr) == (2, f"{bad.as_posix()}:1:1: {message}\n")
    assert not seeds.exists()


def test_a_50_mb_page_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "saved-with-pictures.html"
    with big.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><body><p>")
        handle.truncate(50 * 1024 * 1024)
    seeds = tmp_path / "seeds"
    result = run(str(big), "--seeds", str(seeds))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{big.as_posix()}:1:1: the file is 52428800 bytes, over the 20971520-byte limit; save the "
        "article alone (in the browser: Save Page As, 'Web Page, HTML only')\n"
    )
    assert not seeds.exists()


def test_one_bad_file_among_good_ones_writes_nothing_and_every_problem_is_listed(
    release_pdf: bytes, tmp_path: Path
) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(PAGES, inputs)
    (inputs / "scan.pdf").write_bytes(rasterised(release_pdf))
    shutil.copy(FIXTURES / "front-page.html", inputs / "front-page.html")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "kept.txt").write_text("An article already here.\n")
    result = run(str(inputs), "--seeds", str(seeds))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if not line.startswith("[")]
    assert errors == [
        f"{(inputs / 'front-page.html').as_posix()}:1:1: no article found in the page (only navigation, "
        "links or too little text); save the article's own page, not a front page or a list of links",
        f"{(inputs / 'scan.pdf').as_posix()}:1:1: the PDF has no text layer (it is a scan or a picture of "
        "text); run it through OCR first (e.g. ocrmypdf), or import the article's web page instead",
    ]
    assert snapshot(seeds) == {"kept.txt": b"An article already here.\n"}


# --- names, clashes, importing again ------------------------------------------------------------------


def test_importing_again_changes_nothing(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    first = run(str(PAGES), "--seeds", str(seeds))
    assert first.exit_code == 0, first.output
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in seeds.iterdir()}
    again = run(str(PAGES), "--seeds", str(seeds))
    assert again.exit_code == 0
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in seeds.iterdir()}
    assert after == before
    assert (
        again.stderr.splitlines()[-1]
        == f"imported 4 articles into {seeds.as_posix()}/ (0 new, 0 replaced, 4 unchanged)"
    )


def test_progress_goes_to_stderr_when_there_are_many_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    result = run(str(PAGES), "--seeds", str(seeds))
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    pages = sorted(PAGES.iterdir())
    assert lines[:4] == [f"[{i}/4] {p.as_posix()}" for i, p in enumerate(pages, start=1)]
    assert lines[4:8] == [
        f"{p.as_posix()} → {seeds.as_posix()}/{PAGE_CASES[p.name][0]}.txt (new)" for p in pages
    ]
    assert lines[8] == f"imported 4 articles into {seeds.as_posix()}/ (4 new, 0 replaced, 0 unchanged)"
    single = run(str(PAGES / "date-in-url.html"), "--seeds", str(tmp_path / "one"), "-q")
    assert (single.exit_code, single.stderr) == (0, "")


def test_a_name_clash_is_an_error_unless_forced(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name = PAGE_CASES["date-in-url.html"][0]
    (seeds / f"{name}.txt").write_text("Another article, typed by hand.\n")
    page = PAGES / "date-in-url.html"
    result = run(str(page), "--seeds", str(seeds))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{page.as_posix()}:1:1: {seeds.as_posix()}/{name}.txt already holds another article (or another "
        "version of this one); pass --force to replace it, or --name NAME to keep both\n"
    )
    assert snapshot(seeds) == {f"{name}.txt": b"Another article, typed by hand.\n"}
    kept = run(str(page), "--seeds", str(seeds), "--name", "bangkok-consultation-2019")
    assert kept.exit_code == 0
    assert sorted(snapshot(seeds)) == sorted(
        [f"{name}.txt", "bangkok-consultation-2019.txt", "bangkok-consultation-2019.meta.yaml"]
    )
    forced = run(str(page), "--seeds", str(seeds), "--force")
    assert forced.exit_code == 0
    assert forced.stderr.splitlines()[0].endswith("(replaced)")
    assert (seeds / f"{name}.txt").read_bytes() == (BY_HAND / f"{name}.txt").read_bytes()


def test_two_inputs_with_one_name_are_an_error_even_with_force(tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-the-page.html"
    shutil.copy(PAGES / "date-in-url.html", copy)
    seeds = tmp_path / "seeds"
    page = PAGES / "date-in-url.html"
    result = run(str(page), str(copy), "--seeds", str(seeds), "--force", "-q")
    assert result.exit_code == 2
    name = PAGE_CASES["date-in-url.html"][0]
    assert result.stderr == (
        f"{copy.as_posix()}:1:1: its article would be {seeds.as_posix()}/{name}.txt, as {page.as_posix()}'s "
        "is; import it on its own with --name NAME\n"
    )
    assert not seeds.exists()


def test_a_name_that_is_not_safe_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(PAGES / "date-in-url.html"), "--seeds", str(tmp_path), "--name", "../Evil Name")
    assert result.exit_code == 2
    assert "'../Evil Name' is not a safe file name" in result.stderr


def test_names_are_safe_on_every_system() -> None:
    assert (
        safe_name("ASEAN workshop: Việt Nam's victims / Đà Nẵng")
        == "asean-workshop-viet-nam-s-victims-da-nang"
    )
    assert safe_name("CON") == "con-article"
    assert safe_name("“…”") == ""
    long = safe_name("word " * 40)
    assert len(long) <= 80 and not long.endswith("-")
    assert article_name(None, "Press Release 26.06.2018.PDF") == "press-release-26-06-2018"
    assert article_name("สำนักข่าว", "ข่าว.html") == "article"


# --- pure pieces ------------------------------------------------------------------------------------


def test_sniff_reads_the_content_not_the_name() -> None:
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert (
        sniff(b"\xef\xbb\xbf\n<!-- saved from url=(0020)https://x.example/ -->\n<!DOCTYPE html><html>")
        == "html"
    )
    assert sniff("<html><body>x</body></html>".encode("utf-16")) == "html"
    assert sniff(b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>") == "html"
    assert sniff(b"GIF89a...") is None
    assert sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None


def test_dates_written_in_full_and_pdf_dates() -> None:
    assert first_full_date("Ha Noi, 31 June 2018 and 1 July 2018") == date(2018, 7, 1)
    assert first_full_date("Issued on November 21st, 2017") == date(2017, 11, 21)
    assert first_full_date("no date here, only June 26") is None
    assert pdf_date("D:20180627101500+07'00'") == date(2018, 6, 27)
    assert pdf_date("D:2018") is None


# --- the fact base -------------------------------------------------------------------------------------


def test_the_fact_base_of_an_imported_folder_equals_the_one_of_the_same_articles_typed_by_hand(
    tmp_path: Path,
) -> None:
    imported = tmp_path / "imported" / "seeds"
    assert run(str(PAGES), "--seeds", str(imported), "-q").exit_code == 0
    typed = tmp_path / "typed" / "seeds"
    shutil.copytree(BY_HAND, typed)
    from_import = build_fact_base(imported, project=imported.parent)
    by_hand = build_fact_base(typed, project=typed.parent)
    assert dump_fact_base(from_import) == dump_fact_base(by_hand)
    assert len(from_import.documents) == 4 and from_import.problems == ()


def test_the_sidecar_dates_the_article_and_a_dateline_without_a_year_resolves(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    assert run(str(PAGES / "vna-wire-story.html"), "--seeds", str(seeds), "-q").exit_code == 0
    facts = build_fact_base(seeds, project=tmp_path)
    name = PAGE_CASES["vna-wire-story.html"][0]
    (doc,) = facts.documents
    assert (doc.published, doc.dateline_place) == (date(2018, 6, 26), "Hanoi")
    # "HANOI, June 26 (VNA) –": the day and month from the dateline, the year from the sidecar.
    at = (seeds / f"{name}.txt").read_text(encoding="utf-8").index("June 26")
    dateline = next(d for d in facts.dates if d.start == at)
    assert (dateline.earliest, dateline.latest) == (date(2018, 6, 26), date(2018, 6, 26))
    (evidence,) = dateline.evidence
    assert evidence.reference == f"seeds/{name}.meta.yaml:published"
    assert evidence.url == PAGE_CASES["vna-wire-story.html"][1]["url"]
