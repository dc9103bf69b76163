"""How far apart two venues are, and how long the delegation needs between them.

A rough estimate is enough to catch a plan that cannot work: straight-line
(great-circle) distance at an average urban speed, plus time to leave one
building and enter the next. It errs on the short side, so a warning means
the plan is tight even without traffic.
"""

from __future__ import annotations

from math import asin, ceil, cos, radians, sin, sqrt

from planner.domain.entities import VenueData

EARTH_RADIUS_KM = 6371.0088
URBAN_SPEED_KMH = 25.0
#: Getting everyone out of one building, into the cars, and into the next.
TRANSFER_MINUTES = 10


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points given in degrees."""
    phi1, phi2 = radians(lat1), radians(lat2)
    d_phi, d_lambda = phi2 - phi1, radians(lon2 - lon1)
    h = sin(d_phi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


Point = tuple[float, float, float]  # latitude and longitude in radians, cosine of the latitude


def point(venue: VenueData) -> Point | None:
    """A venue's position prepared for many distance calculations; None without coordinates."""
    if venue.latitude is None or venue.longitude is None:
        return None
    phi = radians(venue.latitude)
    return (phi, radians(venue.longitude), cos(phi))


def point_distance_km(a: Point, b: Point) -> float:
    """haversine_km for prepared points."""
    h = sin((b[0] - a[0]) / 2) ** 2 + a[2] * b[2] * sin((b[1] - a[1]) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def travel_minutes(km: float) -> int:
    """Whole minutes to get from one venue to another `km` away, rounded up."""
    return ceil(km / URBAN_SPEED_KMH * 60 + TRANSFER_MINUTES)
