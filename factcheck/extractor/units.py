"""How news spells units, mapped to the pint unit names factcheck normalizes with.

This is a table of spellings, not of units: the units themselves (including the news
units pint lacks, such as TEU, bcm, MMBtu, boe) are defined for pint in
``factcheck/normalize/news_units.txt``. The table decides what a spelling *means in
news*: ``kt`` is kilotonnes (pint: knots), ``b/d`` barrels per day (pint: barns per
day), ``bps`` basis points (pint: baud), ``t`` a metric tonne, and a bare ``ton`` is
read as a metric ton only by default (``unit_note`` says so).

Resolving spellings here, once, means the extractor never asks pint to parse text:
pint's registry loads only when a quantity is normalized, and each unit name is parsed
by pint once (see :mod:`factcheck.normalize.units`).
"""

from __future__ import annotations

from collections.abc import Mapping

_WORD_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # length
    ("kilometer", ("kilometer", "kilometers", "kilometre", "kilometres")),
    ("meter", ("meter", "meters", "metre", "metres")),
    ("centimeter", ("centimeter", "centimeters", "centimetre", "centimetres")),
    ("millimeter", ("millimeter", "millimeters", "millimetre", "millimetres")),
    ("decimeter", ("decimeter", "decimeters", "decimetre", "decimetres")),
    (
        "micrometer",
        ("micrometer", "micrometers", "micrometre", "micrometres", "micron", "microns"),
    ),
    ("nanometer", ("nanometer", "nanometers", "nanometre", "nanometres")),
    ("picometer", ("picometer", "picometers", "picometre", "picometres")),
    ("mile", ("mile", "miles")),
    ("nautical_mile", ("nautical mile", "nautical miles")),
    ("yard", ("yard", "yards")),
    ("foot", ("foot", "feet")),
    ("inch", ("inch", "inches")),
    ("light_year", ("light-year", "light-years", "light year", "light years")),
    # area
    (
        "square kilometer",
        (
            "square kilometer",
            "square kilometers",
            "square kilometre",
            "square kilometres",
            "sq km",
        ),
    ),
    (
        "square meter",
        (
            "square meter",
            "square meters",
            "square metre",
            "square metres",
            "sq m",
            "sq metres",
            "sq meters",
        ),
    ),
    (
        "square centimeter",
        (
            "square centimeter",
            "square centimeters",
            "square centimetre",
            "square centimetres",
            "sq cm",
        ),
    ),
    (
        "square millimeter",
        (
            "square millimeter",
            "square millimeters",
            "square millimetre",
            "square millimetres",
            "sq mm",
        ),
    ),
    ("square mile", ("square mile", "square miles", "sq mi", "sq miles")),
    ("square yard", ("square yard", "square yards", "sq yd")),
    ("square inch", ("square inch", "square inches", "sq in")),
    ("square foot", ("square foot", "square feet", "sq ft", "sq feet")),
    ("hectare", ("hectare", "hectares")),
    ("acre", ("acre", "acres")),
    # volume
    ("liter", ("liter", "liters", "litre", "litres")),
    ("milliliter", ("milliliter", "milliliters", "millilitre", "millilitres")),
    ("gallon", ("gallon", "gallons")),
    ("barrel", ("barrel", "barrels", "barrels of oil", "barrel of oil")),
    ("cubic meter", ("cubic meter", "cubic meters", "cubic metre", "cubic metres")),
    ("cubic foot", ("cubic foot", "cubic feet")),
    # a reservoir's, a glacier's or an eruption's volume
    (
        "cubic kilometer",
        (
            "cubic kilometer",
            "cubic kilometers",
            "cubic kilometre",
            "cubic kilometres",
            "cubic km",
        ),
    ),
    ("cubic mile", ("cubic mile", "cubic miles")),
    ("bcm", ("billion cubic meters", "billion cubic metres")),
    ("tablespoon", ("tablespoon", "tablespoons")),
    ("teaspoon", ("teaspoon", "teaspoons")),
    ("cup", ("cup", "cups")),
    # mass
    (
        "metric_ton",
        (
            "tonne",
            "tonnes",
            "metric ton",
            "metric tons",
            "metric tonne",
            "metric tonnes",
        ),
    ),
    ("kilotonne", ("kilotonne", "kilotonnes", "kiloton", "kilotons")),
    ("short_ton", ("short ton", "short tons")),
    ("long_ton", ("long ton", "long tons")),
    ("megatonne", ("megatonne", "megatonnes", "megaton", "megatons")),
    (
        "kilogram",
        ("kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"),
    ),
    ("gram", ("gram", "grams", "gramme", "grammes")),
    ("milligram", ("milligram", "milligrams", "milligramme", "milligrammes")),
    ("microgram", ("microgram", "micrograms", "microgramme", "microgrammes")),
    ("pound", ("pound", "pounds")),
    ("ounce", ("ounce", "ounces")),
    # gold and silver are weighed in troy ounces (31.1 g, not 28.35 g)
    ("troy_ounce", ("troy ounce", "troy ounces")),
    ("dram", ("dram", "drams", "drachma", "drachmas")),
    ("carat", ("carat", "carats")),
    # speed
    (
        "kilometer per hour",
        (
            "kilometers per hour",
            "kilometres per hour",
            "kilometer per hour",
            "kilometre per hour",
            "kilometers an hour",
            "kilometres an hour",
        ),
    ),
    (
        "mile per hour",
        ("miles per hour", "mile per hour", "miles an hour", "miles a hour"),
    ),
    ("meter per second", ("meters per second", "metres per second")),
    ("knot", ("knot", "knots")),
    # energy, power
    ("watt", ("watt", "watts")),
    ("kilowatt", ("kilowatt", "kilowatts")),
    ("megawatt", ("megawatt", "megawatts")),
    ("gigawatt", ("gigawatt", "gigawatts")),
    ("terawatt", ("terawatt", "terawatts")),
    (
        "kilowatt_hour",
        ("kilowatt-hour", "kilowatt-hours", "kilowatt hour", "kilowatt hours"),
    ),
    (
        "megawatt_hour",
        ("megawatt-hour", "megawatt-hours", "megawatt hour", "megawatt hours"),
    ),
    (
        "gigawatt_hour",
        ("gigawatt-hour", "gigawatt-hours", "gigawatt hour", "gigawatt hours"),
    ),
    (
        "terawatt_hour",
        ("terawatt-hour", "terawatt-hours", "terawatt hour", "terawatt hours"),
    ),
    ("joule", ("joule", "joules")),
    ("kilojoule", ("kilojoule", "kilojoules")),
    ("megajoule", ("megajoule", "megajoules")),
    ("gigajoule", ("gigajoule", "gigajoules")),
    ("calorie", ("calorie", "calories")),
    ("kilocalorie", ("kilocalorie", "kilocalories")),
    ("horsepower", ("horsepower",)),
    (
        "barrel per day",
        (
            "barrels per day",
            "barrels a day",
            "barrel per day",
            "barrels of oil per day",
            "barrels of oil a day",
        ),
    ),
    ("boe", ("barrels of oil equivalent", "barrel of oil equivalent")),
    # temperature, angle
    (
        "degree_Celsius",
        (
            "degrees celsius",
            "degree celsius",
            "degrees centigrade",
            "degrees c",
            "degree c",
            "deg c",
            "deg. c",
            "celsius",
            "centigrade",
        ),
    ),
    (
        "degree_Fahrenheit",
        (
            "degrees fahrenheit",
            "degree fahrenheit",
            "degrees f",
            "degree f",
            "deg f",
            "deg. f",
            "fahrenheit",
        ),
    ),
    ("degree", ("degree", "degrees")),
    ("radian", ("radian", "radians")),
    ("turn", ("turn", "turns")),
    # data
    ("bit", ("bit", "bits")),
    ("byte", ("byte", "bytes")),
    ("kilobyte", ("kilobyte", "kilobytes")),
    ("megabyte", ("megabyte", "megabytes")),
    ("gigabyte", ("gigabyte", "gigabytes")),
    ("terabyte", ("terabyte", "terabytes")),
    ("megabit", ("megabit", "megabits")),
    ("gigabit", ("gigabit", "gigabits")),
    # pressure (weather), frequency, images
    ("millibar", ("millibar", "millibars")),
    ("hectopascal", ("hectopascal", "hectopascals")),
    ("hertz", ("hertz",)),
    ("kilohertz", ("kilohertz",)),
    ("megahertz", ("megahertz",)),
    ("gigahertz", ("gigahertz",)),
    ("megapixel", ("megapixel", "megapixels")),
    # containers, gas, news units defined in news_units.txt
    ("TEU", ("twenty-foot equivalent units", "twenty-foot equivalent unit")),
    # time: durations and ages are quantities (pint's time units)
    ("second", ("second", "seconds", "sec", "secs")),
    ("minute", ("minute", "minutes", "min", "mins")),
    ("hour", ("hour", "hours", "hr", "hrs")),
    ("day", ("day", "days")),
    ("week", ("week", "weeks")),
    ("fortnight", ("fortnight", "fortnights")),
    ("month", ("month", "months")),
    ("year", ("year", "years", "yr", "yrs")),
    ("decade", ("decade", "decades")),
    ("century", ("century", "centuries")),
    ("millisecond", ("millisecond", "milliseconds")),
)

#: unit words in lower case ("kilometres" -> "kilometer")
WORD_UNITS: Mapping[str, str] = {
    form: name for name, forms in _WORD_FORMS for form in forms
}

#: unit symbols and abbreviations, case-sensitive as printed ("km", "MW", "kt")
SYMBOL_UNITS: Mapping[str, str] = {
    "km": "kilometer",
    "m": "meter",
    "cm": "centimeter",
    "mm": "millimeter",
    "dm": "decimeter",
    "µm": "micrometer",
    "μm": "micrometer",
    "nm": "nanometer",
    "mi": "mile",
    "ft": "foot",
    "in": "inch",
    '"': "inch",
    "yd": "yard",
    "km2": "square kilometer",
    "km²": "square kilometer",
    "sq km": "square kilometer",
    "sqkm": "square kilometer",
    "m2": "square meter",
    "m²": "square meter",
    "sqm": "square meter",
    "sq m": "square meter",
    "sq ft": "square foot",
    "sqft": "square foot",
    "ha": "hectare",
    "L": "liter",
    "l": "liter",
    "ml": "milliliter",
    "mL": "milliliter",
    "gal": "gallon",
    "m3": "cubic meter",
    "m³": "cubic meter",
    "cu ft": "cubic foot",
    "km3": "cubic kilometer",
    "km³": "cubic kilometer",
    "cu km": "cubic kilometer",
    "bbl": "barrel",
    "bcm": "bcm",
    "Bcm": "bcm",
    "tcf": "tcf",
    "bcf": "bcf",
    "t": "metric_ton",
    "kt": "kilotonne",
    "Mt": "megatonne",
    "Gt": "gigatonne",
    "mt": "metric_ton",
    "MT": "metric_ton",
    "kg": "kilogram",
    "g": "gram",
    "mg": "milligram",
    "µg": "microgram",
    "μg": "microgram",
    "mcg": "microgram",
    "lb": "pound",
    "lbs": "pound",
    "oz": "ounce",
    "km/h": "kilometer per hour",
    "km/hr": "kilometer per hour",
    "kph": "kilometer per hour",
    "kmph": "kilometer per hour",
    "mph": "mile per hour",
    "m/s": "meter per second",
    "km/ms": "kilometer per millisecond",
    "W": "watt",
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "TW": "terawatt",
    "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour",
    "GJ": "gigajoule",
    "MJ": "megajoule",
    "hp": "horsepower",
    "b/d": "barrel per day",
    "bpd": "barrel per day",
    "bopd": "barrel per day",
    "mb/d": "thousand_barrel per day",
    "mbpd": "thousand_barrel per day",
    "MMBtu": "MMBtu",
    "mmBtu": "MMBtu",
    "MMbtu": "MMBtu",
    "Btu": "Btu",
    "boe": "boe",
    "TEU": "TEU",
    "TEUs": "TEU",
    "FEU": "FEU",
    "°C": "degree_Celsius",
    "C": "degree_Celsius",
    "F": "degree_Fahrenheit",
    "mbar": "millibar",
    "hPa": "hectopascal",
    "Hz": "hertz",
    "kHz": "kilohertz",
    "MHz": "megahertz",
    "GHz": "gigahertz",
    "MP": "megapixel",
    "ms": "millisecond",
    "ºC": "degree_Celsius",
    "°F": "degree_Fahrenheit",
    "ºF": "degree_Fahrenheit",
    "°": "degree",
    "rad": "radian",
    "MB": "megabyte",
    "GB": "gigabyte",
    "TB": "terabyte",
    "KB": "kilobyte",
    "kB": "kilobyte",
    "mb": "megabit",
    "Mb": "megabit",
    "Gb": "gigabit",
    "Mbps": "megabit per second",
    "Gbps": "gigabit per second",
    "tbsp": "tablespoon",
    "tsp": "teaspoon",
    # a race time in the British press's abbreviations, glued: "2hr 15min 25sec",
    # "improved it by 1min 35sec" (spaced, they are read as words)
    "hr": "hour",
    "hrs": "hour",
    "min": "minute",
    "mins": "minute",
    "sec": "second",
    "secs": "second",
}

#: spellings whose reading is a convention worth recording on the claim
UNIT_NOTES: Mapping[str, str] = {
    "ton": "'ton' read as a metric ton (short and long tons differ by up to 12%)",
    "tons": "'tons' read as metric tons (short and long tons differ by up to 12%)",
    "kt": "'kt' read as kilotonnes, not knots",
    "b/d": "'b/d' read as barrels per day",
    "mt": "'mt' read as metric tons",
    "MT": "'MT' read as metric tons",
}

#: the units British and American measure alike by one name and different sizes
#: ("2,000 litres (440 gallons)" in a British paper is imperial gallons): a
#: conversion that fits either reading is right
CUSTOMARY_VARIANTS: Mapping[str, str] = {
    "gallon": "imperial_gallon",
    "pint": "imperial_pint",
    "quart": "imperial_quart",
    "fluid_ounce": "imperial_fluid_ounce",
}

#: bare "ton"/"tons": ambiguous, read as metric with a note
AMBIGUOUS_WORD_UNITS: Mapping[str, str] = {"ton": "metric_ton", "tons": "metric_ton"}

#: units read as a multiple of another: pint's "decade" is the logarithmic one (a
#: factor of ten); a decade in news is ten years, and is read as such, with a note
MULTIPLE_UNITS: Mapping[str, tuple[str, float, str]] = {
    "decade": ("year", 10.0, "a decade read as 10 years"),
}
#: the units of time: a number of them is a duration or an age, a quantity
TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "fortnight", "month", "year",
     "decade", "century", "millisecond"}
)  # fmt: skip
#: pint's names of temperatures, and of their differences
TEMPERATURES: Mapping[str, str] = {
    "degree_Celsius": "delta_degree_Celsius",
    "degree_Fahrenheit": "delta_degree_Fahrenheit",
}
#: the units of a rate after another unit ("barrels per day", "km/h", "10 a year")
PER_UNITS: Mapping[str, str] = {
    "hour": "hour", "hr": "hour", "h": "hour", "day": "day", "d": "day",
    "year": "year", "second": "second", "s": "second",
    "millisecond": "millisecond", "ms": "millisecond",
}  # fmt: skip


def unit_names() -> frozenset[str]:
    """Every unit the extractor may give a quantity (a rate is two: "X per Y")."""
    return frozenset(
        [
            *WORD_UNITS.values(),
            *SYMBOL_UNITS.values(),
            *AMBIGUOUS_WORD_UNITS.values(),
            *WEATHER_UNITS.values(),
            *TEMPERATURES.values(),
            *PER_UNITS.values(),
        ]
    ) - frozenset(MULTIPLE_UNITS)


#: "mb" is millibars in weather text, megabits elsewhere; this is the weather reading
WEATHER_UNITS: Mapping[str, str] = {"mb": "millibar"}
