"""Seed the Oscar test bed: apparel with S/M/L variants, one non-apparel item, policy pages in en/de/pl.

Idempotent: run again and it leaves an already-seeded database alone. Uses Oscar's own models only.
"""
import os
import sys
from decimal import Decimal as D

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django  # noqa: E402

django.setup()

from django.contrib.flatpages.models import FlatPage  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from oscar.apps.catalogue.categories import create_from_breadcrumbs  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductCategory = get_model("catalogue", "ProductCategory")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Country = get_model("address", "Country")

SIZE_GUIDE = (
    "<h3>Size guide</h3><table class='table'><thead><tr><th>Size</th><th>Chest (cm)</th><th>Length (cm)</th>"
    "</tr></thead><tbody><tr><td>S</td><td>92</td><td>70</td></tr><tr><td>M</td><td>100</td><td>72</td></tr>"
    "<tr><td>L</td><td>108</td><td>74</td></tr></tbody></table>"
)

APPAREL = [
    ("Linen Shirt", "linen-shirt", D("39.00"), "A breathable linen shirt with a relaxed fit. Machine wash at 30 °C."),
    ("Organic Cotton T-Shirt", "organic-cotton-t-shirt", D("19.90"), "Soft organic cotton tee, 180 g/m²."),
    ("Merino Hoodie", "merino-hoodie", D("79.00"), "Warm merino wool hoodie with a kangaroo pocket."),
]
SINGLES = [("Ceramic Mug", "ceramic-mug", D("12.00"), "Stoneware mug, 350 ml, dishwasher safe.", "Home")]

PAGES = {
    "en": {
        "returns": ("Returns & refunds", "<p>You may return any item within 30 days of delivery. Returns are free: "
                    "use the prepaid label in your parcel. We refund the purchase price to your original payment "
                    "method within 14 days of receiving the item.</p>"),
        "delivery": ("Delivery", "<p>Standard delivery: flat €4.90, 2–4 business days. Express delivery: "
                     "€9.90, next business day. A handling fee of €1.50 applies to every order.</p>"),
        "contact": ("Contact us", "<p>Email: <a href='mailto:help@bed-apparel.example'>help@bed-apparel.example</a>"
                    "<br>Phone: <a href='tel:+493012345678'>+49 30 1234 5678</a> (Mon–Fri 9:00–17:00)</p>"),
        "faq": ("Frequently asked questions", "<h2>How long does delivery take?</h2><p>2–4 business days with "
                "standard delivery.</p><h2>Can I return an item?</h2><p>Yes, within 30 days, free of charge.</p>"
                "<h2>Which size should I choose?</h2><p>See the size guide on every product page.</p>"),
    },
    "de": {
        "rueckgabe": ("Rückgabe und Erstattung", "<p>Sie können jeden Artikel innerhalb von 30 Tagen nach Lieferung "
                      "zurückgeben. Die Rücksendung ist kostenlos. Wir erstatten den Kaufpreis innerhalb von 14 Tagen "
                      "nach Eingang der Ware auf Ihr ursprüngliches Zahlungsmittel.</p>"),
        "versand": ("Versand", "<p>Standardversand: pauschal 4,90 €, 2–4 Werktage. Expressversand: 9,90 €, am nächsten "
                    "Werktag. Für jede Bestellung fällt eine Bearbeitungsgebühr von 1,50 € an.</p>"),
        "kontakt": ("Kontakt", "<p>E-Mail: <a href='mailto:help@bed-apparel.example'>help@bed-apparel.example</a><br>"
                    "Telefon: <a href='tel:+493012345678'>+49 30 1234 5678</a> (Mo–Fr 9:00–17:00)</p>"),
        "faq": ("Häufige Fragen", "<h2>Wie lange dauert der Versand?</h2><p>2–4 Werktage mit Standardversand.</p>"
                "<h2>Kann ich einen Artikel zurückgeben?</h2><p>Ja, innerhalb von 30 Tagen kostenlos.</p>"),
    },
    "pl": {
        "zwroty": ("Zwroty i reklamacje", "<p>Możesz zwrócić każdy produkt w ciągu 30 dni od dostawy. Zwrot jest "
                   "bezpłatny. Zwracamy pieniądze na Twój pierwotny środek płatności w ciągu 14 dni od otrzymania "
                   "towaru.</p>"),
        "dostawa": ("Dostawa", "<p>Dostawa standardowa: 4,90 €, 2–4 dni robocze. Dostawa ekspresowa: 9,90 €, "
                    "następnego dnia roboczego. Do każdego zamówienia doliczamy opłatę manipulacyjną 1,50 €.</p>"),
        "kontakt": ("Kontakt", "<p>E-mail: <a href='mailto:help@bed-apparel.example'>help@bed-apparel.example</a><br>"
                    "Telefon: <a href='tel:+493012345678'>+49 30 1234 5678</a> (pon.–pt. 9:00–17:00)</p>"),
        "faq": ("Najczęściej zadawane pytania", "<h2>Jak długo trwa dostawa?</h2><p>2–4 dni robocze.</p>"
                "<h2>Czy mogę zwrócić produkt?</h2><p>Tak, w ciągu 30 dni, bezpłatnie.</p>"),
    },
}


def main() -> None:
    site = Site.objects.get_current()
    site.domain, site.name = "127.0.0.1", "Bed Apparel"
    site.save()
    for code, name in [("DE", "Germany"), ("PL", "Poland"), ("GB", "United Kingdom"), ("IE", "Ireland")]:
        Country.objects.update_or_create(
            iso_3166_1_a2=code, defaults={"name": name, "printable_name": name, "is_shipping_country": True}
        )
    if Product.objects.exists():
        print("already seeded")
        return
    partner, _ = Partner.objects.get_or_create(name="Bed Apparel Warehouse")
    apparel, _ = ProductClass.objects.get_or_create(name="Apparel", requires_shipping=True, track_stock=True)
    ProductAttribute.objects.get_or_create(product_class=apparel, name="Size", code="size", type="text")
    home, _ = ProductClass.objects.get_or_create(name="Home", requires_shipping=True, track_stock=True)
    clothing = create_from_breadcrumbs("Clothing")
    homeware = create_from_breadcrumbs("Homeware")
    n = 0
    for title, slug, price, text in APPAREL:
        parent = Product.objects.create(
            structure=Product.PARENT, title=title, slug=slug, product_class=apparel,
            description=f"<p>{text}</p>{SIZE_GUIDE}",
        )
        ProductCategory.objects.create(product=parent, category=clothing)
        for size in ("S", "M", "L"):
            # Oscar puts the add-to-basket form on each variant's own page: the size guide goes there too.
            child = Product.objects.create(structure=Product.CHILD, parent=parent, title=f"{title} – {size}",
                                           slug=f"{slug}-{size.lower()}", description=f"<p>{text}</p>{SIZE_GUIDE}")
            child.attr.size = size
            child.attr.save()
            n += 1
            StockRecord.objects.create(product=child, partner=partner, partner_sku=f"SKU-{n:03d}",
                                       price_currency="EUR", price=price, num_in_stock=50)
    for title, slug, price, text, _kind in SINGLES:
        p = Product.objects.create(structure=Product.STANDALONE, title=title, slug=slug, product_class=home,
                                   description=f"<p>{text}</p>")
        ProductCategory.objects.create(product=p, category=homeware)
        n += 1
        StockRecord.objects.create(product=p, partner=partner, partner_sku=f"SKU-{n:03d}",
                                   price_currency="EUR", price=price, num_in_stock=50)
    for lang, pages in PAGES.items():
        for slug, (title, body) in pages.items():
            page, _ = FlatPage.objects.update_or_create(url=f"/{lang}/{slug}/",
                                                        defaults={"title": title, "content": body})
            page.sites.set([site])
    print(f"seeded {Product.objects.count()} products, {FlatPage.objects.count()} pages")


if __name__ == "__main__":
    main()
