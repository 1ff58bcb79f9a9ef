export type ProductFormValues = {
  id?: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  category: string;
  unit: string;
  price: string;
  madeToOrder: boolean;
  stock: string;
  availableFrom: string;
  availableUntil: string;
  pickupAtWorkshop: boolean;
  pickupAtFestival: boolean;
  delivery: boolean;
  deliveryFee: string;
  images: { url: string; width: number; height: number }[];
};

/** What the form's fields show: the value typed before a failed save (else the saved one), and the errors. */
export type FormView = {
  value: (name: keyof ProductFormValues) => string | undefined;
  errors: Record<string, string>;
};
