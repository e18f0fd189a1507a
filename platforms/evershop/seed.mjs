// Seed the EverShop test bed through EverShop's own migration and catalogue services (run by setup.sh from the
// app folder platforms/.cache/evershop, where it is copied, so that its imports resolve). Idempotent.
//
// Catalogue: apparel in S/M/L (one variant group per garment on the `size` attribute), one mug; EUR; a flat
// €4.90 standard rate and €9.90 express for every country; 19 % VAT added at checkout (prices entered and shown
// excluding tax, EverShop's default); cash on delivery; policy pages (returns, delivery, contact, FAQ).
import 'dotenv/config';
import { randomUUID } from 'crypto';
import { commit, execute, insert, rollback, select, startTransaction } from '@evershop/postgres-query-builder';
import { pool } from './node_modules/@evershop/evershop/dist/lib/postgres/connection.js';
import { migrate } from './node_modules/@evershop/evershop/dist/bin/lib/bootstrap/migrate.js';
import { getCoreModules } from './node_modules/@evershop/evershop/dist/bin/lib/loadModules.js';
import { hashPassword } from './node_modules/@evershop/evershop/dist/lib/util/passwordHelper.js';
import { seedAttributeGroup, seedAttributes } from './node_modules/@evershop/evershop/dist/bin/seed/seedAttributes.js';
import { seedSamplePackage } from './node_modules/@evershop/evershop/dist/bin/seed/seedPackages.js';
import { resolveAttributeOptions } from './node_modules/@evershop/evershop/dist/bin/seed/variantGroupHelpers.js';
import createProduct from './node_modules/@evershop/evershop/dist/modules/catalog/services/product/createProduct.js';
import { createPage } from './node_modules/@evershop/evershop/dist/modules/cms/services/page/createPage.js';
import createCategory from './node_modules/@evershop/evershop/dist/modules/catalog/services/category/createCategory.js';

const text = (id, blocks) => [{
  id: `r_${id}`, size: 1, className: 'md:grid-cols-1',
  columns: [{ id: `c_${id}`, size: 1, data: { time: 1729900000000, version: '2.31.0', blocks: blocks.map((b, i) => (
    b.startsWith('## ')
      ? { id: `${id}_${i}`, type: 'header', data: { text: b.slice(3), level: 2 } }
      : { id: `${id}_${i}`, type: 'paragraph', data: { text: b } })) } }]
}];

const SIZE_GUIDE = 'Size guide: S chest 92 cm, length 70 cm; M chest 100 cm, length 72 cm; L chest 108 cm, length 74 cm.';
const APPAREL = [
  ['Linen Shirt', 'linen-shirt', 39.0, 'A breathable linen shirt with a relaxed fit. Machine wash at 30 °C.'],
  ['Organic Cotton T-Shirt', 'organic-cotton-t-shirt', 19.9, 'Soft organic cotton tee, 180 g/m².'],
  ['Merino Hoodie', 'merino-hoodie', 79.0, 'Warm merino wool hoodie with a kangaroo pocket.'],
];
const PAGES = [
  ['returns', 'Returns & refunds', ['You may return any item within 30 days of delivery. Returns are free: use the prepaid label in your parcel.',
    'We refund the purchase price to your original payment method within 14 days of receiving the item.']],
  ['delivery', 'Delivery', ['Standard delivery: flat €4.90, 2–4 business days. Express delivery: €9.90, next business day.',
    'Prices exclude VAT; 19 % VAT is added at checkout.']],
  ['contact', 'Contact us', ['Email: help@bed-apparel.example', 'Phone: +49 30 1234 5678 (Mon–Fri 9:00–17:00)']],
  ['faq', 'Frequently asked questions', ['## How long does delivery take?', '2–4 business days with standard delivery.',
    '## Can I return an item?', 'Yes, within 30 days, free of charge.', '## Which size should I choose?',
    'See the size guide on every product page.']],
];

async function setting(name, value) {
  await execute(pool, `INSERT INTO setting (name, value, is_json) VALUES ('${name}', '${value}', false)
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`);
}

async function main() {
  const connection = await pool.connect();
  await startTransaction(connection);
  try {
    await execute(connection, `CREATE TABLE IF NOT EXISTS "admin_user" (
      "admin_user_id" INT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1) PRIMARY KEY,
      "uuid" UUID NOT NULL DEFAULT gen_random_uuid (), "status" boolean NOT NULL DEFAULT TRUE,
      "email" varchar NOT NULL, "password" varchar NOT NULL, "full_name" varchar DEFAULT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
      "updated_at" TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
      CONSTRAINT "ADMIN_USER_EMAIL_UNIQUE" UNIQUE ("email"), CONSTRAINT "ADMIN_USER_UUID_UNIQUE" UNIQUE ("uuid"))`);
    await migrate(getCoreModules(), connection);
    await commit(connection);
  } catch (e) {
    await rollback(connection);
    throw e;
  }
  if (!(await select().from('admin_user').where('email', '=', 'admin@bed-apparel.example').load(pool))) {
    await insert('admin_user').given({ status: 1, email: 'admin@bed-apparel.example', full_name: 'Bed Admin',
      password: hashPassword('bed-admin-123') }).execute(pool);
  }
  for (const [k, v] of [['storeName', 'Bed Apparel'], ['storeCurrency', 'EUR'], ['storeCountry', 'DE'],
    ['storeLanguage', 'en'], ['storeEmail', 'help@bed-apparel.example'], ['storePhoneNumber', '+49 30 1234 5678'],
    ['allowGuestCheckout', '1'], ['codPaymentStatus', '1'], ['codDisplayName', 'Cash on delivery'],
    ['priceIncludingTax', '0']]) {
    await setting(k, v);
  }
  if (await select().from('product').where('sku', '=', 'BED-LINEN-SHIRT-S').load(pool)) {
    console.log('already seeded');
    process.exit(0);
  }
  // VAT: one class, 19 % everywhere, the default for products and shipping.
  const taxClass = await insert('tax_class').given({ name: 'Standard VAT' }).execute(pool);
  await insert('tax_rate').given({ name: 'VAT 19%', tax_class_id: taxClass.insertId, country: '*', province: '*',
    postcode: '*', rate: 19, is_compound: false, priority: 0 }).execute(pool);
  await setting('defaultProductTaxClassId', String(taxClass.insertId));
  await setting('defaultShippingTaxClassId', String(taxClass.insertId));
  // Delivery: one zone per country we sell to, each with a flat standard and express rate.
  const standard = await insert('core_shipping_method').given({ name: 'Standard delivery', sort_order: 1 }).execute(pool);
  const express = await insert('core_shipping_method').given({ name: 'Express delivery', sort_order: 2 }).execute(pool);
  for (const [country, name] of [['DE', 'Germany'], ['PL', 'Poland'], ['IE', 'Ireland'], ['US', 'United States']]) {
    const zone = await insert('shipping_zone').given({ name }).execute(pool);
    await insert('shipping_zone_country').given({ zone_id: zone.insertId, country }).execute(pool);
    await insert('shipping_zone_provider').given({ zone_id: zone.insertId, provider_code: 'core', is_enabled: true })
      .execute(pool);
    for (const [method, cost] of [[standard, 4.9], [express, 9.9]]) {
      await insert('core_shipping_method_rate').given({ method_id: method.insertId, zone_id: zone.insertId,
        is_enabled: true, cost }).execute(pool);
    }
  }
  const groupId = await seedAttributeGroup();
  await seedAttributes(groupId);
  const sizeAttribute = await select().from('attribute').where('attribute_code', '=', 'size').load(pool);
  const pkg = await seedSamplePackage();
  const clothing = await createCategory({ name: 'Clothing', url_key: 'clothing', status: 1, include_in_nav: 1,
    description: text('clothing', ['Shirts, tees and hoodies.']), meta_title: 'Clothing', meta_description: 'Clothing' }, {});
  const home = await createCategory({ name: 'Homeware', url_key: 'homeware', status: 1, include_in_nav: 1,
    description: text('homeware', ['Mugs and more.']), meta_title: 'Homeware', meta_description: 'Homeware' }, {});
  const base = { status: 1, manage_stock: 1, stock_availability: 1, qty: 50, weight: 300, group_id: groupId,
    package_id: pkg.package_id, tax_class: taxClass.insertId };
  for (const [name, slug, price, blurb] of APPAREL) {
    const group = await insert('variant_group').given({ uuid: randomUUID(), attribute_group_id: groupId,
      attribute_one: sizeAttribute.attribute_id, visibility: 1 }).execute(pool);
    for (const size of ['S', 'M', 'L']) {
      await createProduct({ ...base, name: `${name} - ${size}`, sku: `BED-${slug.toUpperCase()}-${size}`,
        url_key: `${slug}-${size.toLowerCase()}`, price, category_id: clothing.category_id ?? clothing.insertId,
        visibility: size === 'M' ? 1 : 0, variant_group_id: group.insertId,
        meta_title: name, meta_description: blurb, description: text(`${slug}${size}`, [blurb, SIZE_GUIDE]),
        attributes: await resolveAttributeOptions([{ attribute_code: 'size', value: size }]) }, {});
    }
  }
  await createProduct({ ...base, name: 'Ceramic Mug', sku: 'BED-CERAMIC-MUG', url_key: 'ceramic-mug', price: 12,
    category_id: home.category_id ?? home.insertId, visibility: 1, meta_title: 'Ceramic Mug',
    meta_description: 'Stoneware mug', description: text('mug', ['Stoneware mug, 350 ml, dishwasher safe.']) }, {});
  for (const [key, name, blocks] of PAGES) {
    await createPage({ status: 1, name, url_key: key, content: text(key, blocks), meta_title: name,
      meta_description: name }, {});
  }
  // Navigation, as a shop owner sets it up in the admin's widget editor: a main menu and a footer menu on every route.
  const menu = (name, url) => ({ id: randomUUID(), uuid: randomUUID(), name, url, type: 'custom', children: [] });
  const widgets = [
    ['Main menu', 'basic_menu', { isMain: true, menus: [menu('Clothing', '/clothing'), menu('Homeware', '/homeware')] },
      'headerMiddleLeft'],
    ['Footer menu', 'footer_menu', { columns: [{ id: 'help', title: 'Customer service', links: [
      { id: 'l1', label: 'Returns & refunds', url: '/returns' }, { id: 'l2', label: 'Delivery', url: '/delivery' },
      { id: 'l3', label: 'Contact us', url: '/contact' }, { id: 'l4', label: 'FAQ', url: '/faq' }] }] },
      'footerTop'],
  ];
  for (const [name, type, settings, area] of widgets) {
    const widget = await insert('widget_instance').given({ name, type, settings: JSON.stringify(settings), status: true })
      .execute(pool);
    await insert('widget_placement').given({ widget_instance_id: widget.insertId, route: 'all', area, sort_order: 1 })
      .execute(pool);
  }
  console.log('seeded');
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
