const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** A box that contains every point within `radiusKm` of the centre (for index-friendly pre-filters). */
export function boundingBox(lat: number, lon: number, radiusKm: number): BoundingBox {
  const dLat = radiusKm / 111.0;
  const dLon = radiusKm / (111.0 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** Points sorted by latitude so a radius query scans only a latitude band. */
export class LatitudeIndex<T extends { lat: number; lon: number }> {
  private readonly items: T[];

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.lat - b.lat);
  }

  within(lat: number, lon: number, radiusKm: number): T[] {
    const box = boundingBox(lat, lon, radiusKm);
    const found: T[] = [];
    for (let i = this.lowerBound(box.minLat); i < this.items.length && this.items[i].lat <= box.maxLat; i++) {
      const item = this.items[i];
      if (item.lon >= box.minLon && item.lon <= box.maxLon) found.push(item);
    }
    return found;
  }

  private lowerBound(lat: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.items[mid].lat < lat) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
