package dev.storefront.catalog.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The sample catalog that ships with the project: generated from fixed word lists with a fixed seed, so every
 * checkout gets the same products. Images are not listed: the publisher generates one SVG per product from its data.
 */
@ApplicationScoped
public class SampleCatalog {
    /** Products in the sample a local shop starts with. */
    public static final int DEFAULT_SIZE = 240;

    private static final String[] ADJECTIVES = {
        "Classic", "Urban", "Alpine", "Coastal", "Nordic", "Summit", "Everyday", "Heritage", "Studio", "Midnight",
        "Solar", "Harbor", "Meadow", "Granite", "Velvet", "Cedar", "Aurora", "Pioneer", "Breeze", "Copper"
    };
    private static final String[] COLORS = {"black", "white", "navy", "olive", "sand", "red", "grey", "teal"};
    private static final String[] MATERIALS = {"cotton", "wool", "leather", "steel", "oak", "recycled plastic"};

    private record Kind(String slug, String name, String description, String code, String... nouns) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "shoes",
                    "Shoes",
                    "Trainers, boots and everyday shoes.",
                    "SHO",
                    "Trail Runner",
                    "Leather Boot",
                    "Canvas Sneaker",
                    "Hiking Shoe",
                    "Loafer",
                    "Sandal"),
            new Kind(
                    "outdoor",
                    "Outdoor",
                    "Tents, packs and gear for the trail.",
                    "OUT",
                    "Daypack",
                    "Tent",
                    "Sleeping Bag",
                    "Headlamp",
                    "Trekking Pole",
                    "Water Bottle"),
            new Kind(
                    "kitchen",
                    "Kitchen",
                    "Cookware and tools for every kitchen.",
                    "KIT",
                    "Chef Knife",
                    "Cast Iron Pan",
                    "Espresso Cup",
                    "Cutting Board",
                    "Saucepan",
                    "Teapot"),
            new Kind(
                    "garden",
                    "Garden",
                    "Plants, pots and garden tools.",
                    "GAR",
                    "Planter",
                    "Watering Can",
                    "Pruning Shears",
                    "Garden Hose",
                    "Seed Kit",
                    "Bird Feeder"),
            new Kind(
                    "books",
                    "Books",
                    "Novels, guides and cookbooks.",
                    "BOK",
                    "Field Guide",
                    "Cookbook",
                    "Novel",
                    "Atlas",
                    "Sketchbook",
                    "Journal"),
            new Kind(
                    "toys",
                    "Toys",
                    "Games and toys for all ages.",
                    "TOY",
                    "Puzzle",
                    "Building Set",
                    "Kite",
                    "Board Game",
                    "Plush Bear",
                    "Wooden Train"),
            new Kind(
                    "audio",
                    "Audio",
                    "Headphones, speakers and accessories.",
                    "AUD",
                    "Headphones",
                    "Speaker",
                    "Earbuds",
                    "Turntable",
                    "Radio",
                    "Soundbar"),
            new Kind(
                    "home-office",
                    "Home office",
                    "Desks, lamps and everything for focused work.",
                    "OFF",
                    "Desk Lamp",
                    "Notebook",
                    "Monitor Stand",
                    "Desk Chair",
                    "Pen Set",
                    "Cable Tray"));

    /** Seeds the sample when the catalog is empty; returns whether it did. */
    @Transactional
    public boolean seedIfEmpty(int size) {
        if (Category.count() > 0 || Product.count() > 0) {
            return false;
        }
        categories().forEach(c -> Category.of(c).persist());
        products(size).forEach(p -> Product.of(p).persist());
        return true;
    }

    public static List<CategoryData> categories() {
        List<CategoryData> categories = new ArrayList<>();
        for (int i = 0; i < KINDS.size(); i++) {
            Kind k = KINDS.get(i);
            categories.add(new CategoryData(k.slug(), k.name(), k.description(), i));
        }
        return categories;
    }

    /** {@code size} products spread evenly over the categories, the same on every call. */
    public static List<ProductData> products(int size) {
        Random random = new Random(42);
        List<ProductData> products = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            products.add(product(i, KINDS.get(i % KINDS.size()), random));
        }
        return products;
    }

    private static ProductData product(int index, Kind kind, Random random) {
        int number = index / KINDS.size() + 1;
        String noun = kind.nouns()[random.nextInt(kind.nouns().length)];
        String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + noun;
        String sku = String.format(Locale.ROOT, "%s-%05d", kind.code(), number);
        String slug = slug(name) + "-" + sku.toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Colour", COLORS[random.nextInt(COLORS.length)]);
        attributes.put("Material", MATERIALS[random.nextInt(MATERIALS.length)]);
        long price = 499 + random.nextInt(200) * 100L + (random.nextBoolean() ? 99 : 49);
        int stock = random.nextInt(20);
        StockStatus status =
                stock == 0 ? StockStatus.OUT_OF_STOCK : stock < 3 ? StockStatus.LOW_STOCK : StockStatus.IN_STOCK;
        boolean active = random.nextInt(40) != 0;
        String description = "The " + name + " from our " + kind.name().toLowerCase(Locale.ROOT)
                + " range: made to last, easy to care for, and covered by a two-year warranty.";
        return new ProductData(
                sku,
                slug,
                name,
                description,
                price,
                "EUR",
                kind.slug(),
                List.of(),
                attributes,
                active,
                status,
                false,
                null);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
